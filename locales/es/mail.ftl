### Correos y SMS que envía el servidor. Texto plano, sin marcas. Los SMS, cortos.

# -brand-name is defined in common.ftl.

## Verification code, sent when someone asks to recover an account

# Mail subject of the verification code. Never the code itself: subjects show on locked screens.
mail-recovery-code-subject = Tu código de verificación de { -brand-name }
# Mail body of the verification code.
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
mail-recovery-code-body =
    Hola:

    Alguien (seguramente tú) ha pedido recuperar tu cuenta de { -brand-name }.

    Tu código de verificación es: { $code }

    Escríbelo solo en la página donde lo pediste, en el mismo navegador. Sirve durante { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } y una sola vez.

    Si alguien te ha enviado un enlace o te ha pedido este código, no lo escribas ni lo compartas: intenta quedarse con tu cuenta. { -brand-name } nunca te lo pedirá.

    Si no lo has pedido tú, ignora este mensaje: tu contraseña no ha cambiado.

    — El equipo de { -brand-name }
# SMS with the verification code.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, curly quotes, «»…).
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
sms-recovery-code = { -brand-name }: código { $code } ({ $minutes } min). Escríbelo solo donde lo pediste.

## Notice to an email address that has no account

# Mail subject when someone asked to recover an account with an address that has none.
mail-no-account-subject = Recuperación de cuenta en { -brand-name }
# Mail body when someone asked to recover an account with an address that has none.
mail-no-account-body =
    Hola:

    Alguien ha pedido recuperar una cuenta de { -brand-name } con esta dirección de email, pero no hay ninguna cuenta con ella.

    Si has sido tú, quizá te registraste con otra dirección o con tu ID de usuario: prueba con ellos.
    Si no has sido tú, ignora este mensaje.

    — El equipo de { -brand-name }

## After a password change

# Mail subject after the account's password was changed.
mail-password-changed-subject = Se ha cambiado tu contraseña de { -brand-name }
# Mail body after the account's password was changed.
mail-password-changed-body =
    Hola:

    Se acaba de cambiar la contraseña de tu cuenta de { -brand-name } y se ha cerrado la sesión en todos los dispositivos.

    Si has sido tú, no tienes que hacer nada más.
    Si no has sido tú, recupera tu cuenta ahora con «¿Has olvidado la contraseña?» y cambia también la contraseña de tu email.

    — El equipo de { -brand-name }
# SMS after the account's password was changed.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, curly quotes, «»…).
sms-password-changed = { -brand-name }: se ha cambiado la contraseña de tu cuenta. Si no lo hiciste, recupérala ya con "¿Has olvidado la contraseña?".

## Code that proves the email of a new account

# Mail subject of the sign-up's code. Never the code itself: subjects show on locked screens.
mail-sign-up-code-subject = Confirma tu email en { -brand-name }
# Mail body of the sign-up's code.
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
mail-sign-up-code-body =
    Hola:

    Alguien (seguramente tú) quiere crear una cuenta de { -brand-name } con esta dirección.

    Tu código para confirmarla es: { $code }

    Escríbelo solo en la página donde te registraste, en el mismo navegador. Sirve durante { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } y una sola vez.

    Si no has sido tú, ignora este mensaje: sin el código no se crea ninguna cuenta.

    — El equipo de { -brand-name }

## Sign-up with an address that already has an account

# Mail subject when someone tried to create an account with an address that already has one.
mail-sign-up-taken-subject = Alguien ha intentado registrarse en { -brand-name } con tu dirección
# Mail body when someone tried to create an account with an address that already has one.
mail-sign-up-taken-body =
    Hola:

    Alguien ha intentado crear una cuenta nueva de { -brand-name } con tu email o tu teléfono, que ya pertenecen a tu cuenta. No se ha creado ninguna cuenta.

    Si has sido tú, inicia sesión; si has olvidado la contraseña, usa «¿Has olvidado la contraseña?».
    Si no has sido tú, ignora este mensaje.

    — El equipo de { -brand-name }

## Many wrong passwords in a row for an account

# Mail subject when many wrong passwords in a row were typed for the account (at most one a day).
mail-sign-in-attack-subject = Alguien intenta iniciar sesión en tu cuenta de { -brand-name }
# Mail body when many wrong passwords in a row were typed for the account (at most one a day).
mail-sign-in-attack-body =
    Hola:

    Alguien ha escrito muchas contraseñas incorrectas seguidas para tu cuenta de { -brand-name }. Ahora pedimos la comprobación «No soy un robot» y cada nuevo intento espera más, así que adivinarla es muy lento. Tu contraseña no ha cambiado y nadie ha iniciado sesión con ella.

    Si has sido tú, espera un momento y vuelve a intentarlo, o usa «¿Has olvidado la contraseña?».
    Si no has sido tú, no tienes que hacer nada; si tu contraseña es corta o la usas en otras webs, cámbiala con «¿Has olvidado la contraseña?».

    — El equipo de { -brand-name }

## Code that proves a new email or phone added in "My account"

# Mail subject of the code that proves a new email of the account.
mail-email-code-subject = Confirma tu nuevo email en { -brand-name }
# Mail body of the code that proves a new email of the account.
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
mail-email-code-body =
    Hola:

    Alguien (seguramente tú) quiere que esta dirección sea el email de una cuenta de { -brand-name }.

    Tu código para confirmarla es: { $code }

    Escríbelo solo en «Mi cuenta», donde lo pediste. Sirve durante { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } y una sola vez.

    Si no has sido tú, ignora este mensaje: sin el código no cambia nada.

    — El equipo de { -brand-name }
# SMS with the code that proves a new phone of the account.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, curly quotes, «»…).
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
sms-phone-code = { -brand-name }: código { $code } para este teléfono ({ $minutes } min).

## The account's email or phone was changed

# Mail subject to the old email once the account's email was changed.
mail-email-changed-subject = Se ha cambiado el email de tu cuenta de { -brand-name }
# Mail body to the old email once the account's email was changed.
mail-email-changed-body =
    Hola:

    Se acaba de cambiar el email de tu cuenta de { -brand-name }: los códigos y avisos ya no llegarán a esta dirección.

    Si has sido tú, no tienes que hacer nada más.
    Si no has sido tú, responde ya a este mensaje para que el equipo te devuelva la cuenta, y cambia también la contraseña de este email.

    — El equipo de { -brand-name }
# Mail subject to the account's email once a new phone was confirmed.
mail-phone-changed-subject = Nuevo teléfono en tu cuenta de { -brand-name }
# Mail body to the account's email once a new phone was confirmed.
mail-phone-changed-body =
    Hola:

    Se acaba de confirmar un nuevo número de teléfono en tu cuenta de { -brand-name }: los códigos por SMS irán a él.

    Si has sido tú, no tienes que hacer nada más.
    Si no has sido tú, recupera tu cuenta ya con «¿Has olvidado la contraseña?»: así se cierran las demás sesiones.

    — El equipo de { -brand-name }
# SMS to the old phone once another phone was confirmed for the account.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, curly quotes, «»…).
sms-phone-changed = { -brand-name }: tu cuenta ya no usa este número. ¿No fuiste tú? Recupérala.
