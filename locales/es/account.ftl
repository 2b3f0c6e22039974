### Iniciar sesión, registrarse y «Mi cuenta».

## Sign-in (the centered box on wide screens, a full page on phones)

# Heading of the sign-in box and of the sign-in page.
sign-in-title = Iniciar sesión
# Label of the identifier field in the sign-in form.
sign-in-identifier = Email o ID de usuario
# Label of the password field in the sign-in form.
sign-in-password = Contraseña
# Submit button of the sign-in form.
sign-in-submit = Iniciar sesión
# Link in the sign-in box (wide screens) that starts account recovery.
sign-in-forgot = ¿Has olvidado la contraseña?
# Blue link on the sign-in page (phones) that starts account recovery.
sign-in-forgot-mobile = ¿Has olvidado tu contraseña?
# Under the sign-in form, around the sign-up link.
# Variables:
#   $link (String) - the link sign-in-sign-up («Regístrate»)
sign-in-no-account = ¿Aún no tienes cuenta? { $link }
# Link under the sign-in form to create an account.
sign-in-sign-up = Regístrate

## My account

# Heading of the "My account" page.
account-title = Mi cuenta
# At the top of Mi cuenta.
# Variables:
#   $username (String) - the signed-in account's user name, shown in bold
account-signed-in-as = Has iniciado sesión como { $username }
# Label of the user name in the account details.
account-username = ID de usuario
# Label of the email in the account details.
# Same as the source: «Email» is the seed text's word in Spanish too.
account-email = Email
# Label of the phone number in the account details.
account-phone = Teléfono
# Button that signs out.
account-sign-out = Cerrar sesión
# "My account" when signed out: heading over the two ways in.
account-sign-in-or-up = Identifícate / Regístrate
# "My account" when signed out: link to the sign-in page.
account-sign-in = Identifícate
# "My account" when signed out: link to the sign-up page.
account-sign-up = Regístrate

## Sign-up

# Heading of the sign-up page.
sign-up-title = Crea tu cuenta
# Label of the user name field.
sign-up-username = ID de usuario
# Help under the user name label.
sign-up-username-hint = De 3 a 32 letras, cifras, puntos, guiones o guiones bajos.
# Label of the email field.
# Same as the source: «Email» is the seed text's word in Spanish too.
sign-up-email = Email
# Label of the optional phone field.
sign-up-phone = Teléfono móvil (opcional)
# Help under the phone label.
sign-up-phone-hint = En formato internacional, como +34 600 000 001. Podremos enviarte los códigos por SMS.
# Label of the password field.
sign-up-password = Contraseña
# Submit button of the sign-up form.
sign-up-submit = Crear cuenta
# Shown once the code was right: the account exists.
sign-up-created = Tu cuenta está lista. Ya puedes iniciar sesión.
# Heading of the sign-up's second step: type the code mailed to the address.
sign-up-code-title = Confirma tu email
# Announced when the sign-up's code was mailed. (It reads the same when the email already had an account, whose owner is told by mail instead.)
# Variables:
#   $email (String) - the address typed in the form
sign-up-code-sent = Te hemos enviado un código de 8 cifras a { $email }. Escríbelo aquí para crear tu cuenta. Si no llega, mira en spam.
# Announced when a new sign-up code was mailed.
sign-up-code-resent = Te hemos enviado un código nuevo. El anterior ya no sirve.
# Submit button of the sign-up's code step.
sign-up-code-submit = Confirmar
# Link back to the form, to correct the email (the values typed stay).
sign-up-change-details = Corregir mis datos
# Shown when the sign-up cannot go on: another browser, an old link, or a day has passed.
sign-up-ended = Este registro no se puede continuar aquí: solo se termina en el navegador donde se empezó, y dura un día. Vuelve a empezar.
# Shown when too many wrong codes ended the sign-up.
sign-up-ended-attempts = Demasiados códigos incorrectos: este registro ha terminado. Vuelve a empezar.
# Button that starts the sign-up again.
sign-up-start-again = Volver a empezar

## Not found

# Heading of the page shown for an unknown address.
not-found-title = Esta página no existe
# Link back to the home page from the not-found page.
not-found-home = Ir a la página de inicio

## Dev mailbox (development mode only)

# Heading of the dev mailbox.
mailbox-title = Buzón de pruebas
# Text under the heading of the dev mailbox.
mailbox-intro = En modo de desarrollo nada sale de esta máquina: aquí están todos los correos y SMS que habría enviado el servidor, del más nuevo al más antiguo.
# Button that reloads the dev mailbox.
mailbox-refresh = Actualizar
# Shown when the dev mailbox has no messages.
mailbox-empty = Aún no hay mensajes.
# Title of an SMS in the dev mailbox (SMS have no subject).
# Same as the source: «SMS» in every language.
mailbox-sms = SMS
# Before the recipient of a message in the dev mailbox.
mailbox-to = Para:

## "My account": a new email or phone, proven by a code

# Button in "My account" that opens the form for a phone, when the account has none.
account-add-phone = Añadir teléfono
# Button in "My account" that opens the form for another phone.
account-change-phone = Cambiar el teléfono
# Button in "My account" that opens the form for another email.
account-change-email = Cambiar el email
# Label of the new phone number field in "My account".
account-new-phone = Nuevo teléfono
# Help under the new phone field.
account-new-phone-hint = En formato internacional, como +34 600 000 001. Te enviaremos un código por SMS.
# Label of the new email field in "My account".
account-new-email = Nuevo email
# Help under the new email field.
account-new-email-hint = Te enviaremos un código. Tu email no cambia hasta que escribas el código aquí.
# Button that sends a code by SMS to the new (or unconfirmed) phone.
account-send-sms = Enviar código por SMS
# Button that sends a code to the new email.
account-send-code-email = Enviar código
# Button that closes the new email or phone form without sending anything.
account-cancel = Cancelar
# A phone typed at sign-up that no code has proven yet.
# Variables:
#   $phone (String) - the phone number in international form
account-phone-unconfirmed = { $phone } aún no está confirmado: no le enviaremos nada hasta que lo confirmes con un código por SMS.
# Over the code field of a new email or phone.
# Variables:
#   $address (String) - the new email or phone number
account-code-waiting = Escribe el código que hemos enviado a { $address }.
# Announced once the SMS with the code was sent to a new phone.
# Variables:
#   $address (String) - the phone number in international form
account-code-sent-phone = Te hemos enviado un código por SMS al { $address }.
# Announced once the code was sent to a new email.
# Variables:
#   $address (String) - the new email
account-code-sent-email = Te hemos enviado un código a { $address }.
# Button that checks the code of a new email or phone.
account-confirm-code = Confirmar
# Announced once the code proved the new phone.
account-phone-confirmed = Teléfono confirmado. Los códigos por SMS irán a él.
# Announced once the code proved the new email.
account-email-confirmed = Email cambiado. Los códigos y avisos irán a él.

## "My account": the password, and where the account is signed in

# Heading of the password section in "My account".
account-password-heading = Contraseña
# Button that opens the form for a new password in "My account".
account-change-password = Cambiar la contraseña
# Label of the current password field, asked for before a new one.
account-current-password = Contraseña actual
# Label of the new password field in "My account".
account-new-password = Nueva contraseña
# Button that sets the new password.
account-save-password = Guardar la nueva contraseña
# Announced once the password was changed from "My account".
account-password-changed = Contraseña cambiada. Hemos cerrado la sesión en los demás dispositivos y te lo hemos contado por email.
# Heading of the list of signed-in sessions.
account-sessions-heading = Dónde has iniciado sesión
# A signed-in session: its browser and system.
# Variables:
#   $browser (String) - a browser's name (Firefox, Chrome…), or account-session-unknown-browser
#   $system (String) - a system's name (Android, Windows…), or account-session-unknown-system
account-session-device = { $browser } en { $system }
# Stands for the browser of a session whose user agent says none (starts the sentence).
account-session-unknown-browser = Navegador desconocido
# Stands for the system of a session whose user agent says none (after "on").
account-session-unknown-system = sistema desconocido
# Marks the session of the browser being used.
account-session-this-device = Este dispositivo
# A session used in the last minute or two.
account-session-used-now = Activa ahora
# A session last used minutes ago (always 2 to 119).
# Variables:
#   $minutes (Number) - minutes since its last use
account-session-used-minutes = Última actividad hace { $minutes } minutos
# A session last used hours ago (always 2 to 47).
# Variables:
#   $hours (Number) - hours since its last use
account-session-used-hours = Última actividad hace { $hours } horas
# A session last used days ago (2 or more; [one] is not used but kept for languages that need it).
# Variables:
#   $days (Number) - days since its last use
account-session-used-days = Última actividad { $days ->
        [one] ayer
       *[other] hace { $days } días
    }
# Button that ends another device's session.
account-session-end = Cerrar esa sesión
# Button that ends every session but this one.
account-sessions-end-others = Cerrar las demás sesiones
# Announced once another device's session ended.
account-session-ended = Hemos cerrado la sesión en ese dispositivo.
# Announced once every other session ended.
account-sessions-others-ended = Hemos cerrado la sesión en los demás dispositivos.
