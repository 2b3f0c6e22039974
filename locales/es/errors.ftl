### Qué significa cada código de error del servidor, y el resumen de errores.
### Nunca digas si una cuenta existe.

# Heading of the box at the top of a form that lists its problem.
error-summary-title = Hay un problema
# Button that tries a failed request again (after a network failure).
error-retry = Reintentar
# The server could not be reached.
error-network = No hemos podido conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.
# Error code not_found.
error-not-found = No hemos encontrado lo que buscas.
# Error codes malformed_request, method_not_allowed, unsupported_media_type.
error-malformed-request = Algo ha fallado con esa petición. Recarga la página y vuelve a intentarlo.
# Error code payload_too_large.
error-payload-too-large = Lo que has enviado es demasiado largo.
# Error code internal.
error-internal = Algo ha fallado por nuestra parte. Vuelve a intentarlo en un momento.
# Error code identifier_invalid.
error-identifier-invalid = Escribe un email, un ID de usuario o un número de móvil en formato internacional (+34 …).
# Error code username_invalid.
error-username-invalid = Un ID de usuario tiene de 3 a 32 letras, cifras, puntos, guiones o guiones bajos, y no solo cifras.
# Error code email_invalid.
error-email-invalid = Escribe una dirección de email como nombre@ejemplo.com.
# Error code phone_invalid.
error-phone-invalid = Escribe el teléfono en formato internacional, como +34 600 000 001.
# Error code username_taken.
error-username-taken = Ese ID de usuario ya está en uso. Elige otro.
# Error code email_taken (said only once the code mailed to the address was typed).
error-email-taken = Este email ya tiene una cuenta. Inicia sesión con ella o, si has olvidado la contraseña, recupérala.
# Error code phone_taken (said only once the code sent to the phone was typed).
error-phone-taken = Este teléfono pertenece a otra cuenta. Usa otro o recupera esa cuenta.
# Error code address_unchanged.
error-address-unchanged = Esa ya es tu dirección: no hay nada que cambiar.
# Error code nothing_to_confirm.
error-nothing-to-confirm = No hay ninguna dirección nueva esperando un código. Vuelve a añadirla.
# Error code address_attempts_exhausted.
error-address-attempts-exhausted = Demasiados códigos incorrectos. Vuelve a añadir la dirección para recibir un código nuevo.
# Error code current_password_invalid (changing the password in "My account").
error-current-password-invalid = Esa no es tu contraseña actual.
# Error code session_not_found.
error-session-not-found = Esa sesión ya ha terminado.
# Error code password_too_short.
# Variables:
#   $min (Number) - the minimum length
error-password-too-short = La contraseña debe tener al menos { $min } caracteres.
# Error code password_too_long.
error-password-too-long = La contraseña puede tener como mucho 256 caracteres.
# Error code password_common.
error-password-common = Esa contraseña es demasiado común o fácil de adivinar. Prueba con una frase larga y tuya.
# Error code password_contains_identity.
error-password-contains-identity = La contraseña no puede contener tu ID de usuario, tu email ni tu teléfono.
# Error code password_mismatch.
error-password-mismatch = Las dos contraseñas no coinciden.
# Error code invalid_credentials.
error-invalid-credentials = El email o ID de usuario y la contraseña no coinciden.
# Error code not_signed_in.
error-not-signed-in = Inicia sesión para ver esto.
# Error code too_many_requests.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (0 when under a minute)
#   $seconds (Number) - how long to wait, in seconds (said only when under a minute)
error-too-many-requests = Demasiados intentos. Espera { $minutes ->
    [0] { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
} y vuelve a intentarlo.
# Error code bot_check_invalid.
error-bot-check-invalid = Marca «No soy un robot» y espera a que se compruebe.
# Error code bot_check_expired.
error-bot-check-expired = La comprobación «No soy un robot» ha caducado. Vuelve a marcar la casilla.
# Error code bot_check_required (sign-in, after a few wrong passwords; the check appears under it).
error-bot-check-required = Por tu seguridad, marca «No soy un robot» aquí debajo y vuelve a iniciar sesión.
# Error code sign_in_paused.
error-sign-in-paused = Demasiadas contraseñas incorrectas seguidas: el inicio de sesión de esta cuenta está en pausa. Recupérala con «¿Has olvidado la contraseña?».
# Error code flow_not_found.
error-flow-not-found = Esta recuperación no se puede continuar en este navegador. Por tu seguridad, una recuperación solo se puede terminar en el navegador donde se empezó (y puede que este enlace sea antiguo). Empieza una aquí.
# Error code flow_expired.
error-flow-expired = Esta recuperación ha caducado. Empieza de nuevo.
# Error code flow_wrong_step.
error-flow-wrong-step = Este paso ya está hecho. Recarga la página para seguir donde estás.
# Error code flow_completed.
error-flow-completed = Con esta recuperación ya se ha cambiado la contraseña. Inicia sesión con la nueva.
# Error code code_malformed.
error-code-malformed = El código tiene 8 cifras.
# Error code code_invalid.
# Variables:
#   $attempts (Number) - tries left
error-code-invalid = Ese código no es correcto. { $attempts ->
    [0] No te quedan intentos.
    [one] Te queda { $attempts } intento.
   *[other] Te quedan { $attempts } intentos.
}
# Error code code_expired.
error-code-expired = Ese código ha caducado. Pide uno nuevo.
# Error code resend_too_soon.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (0 when under a minute)
#   $seconds (Number) - how long to wait, in seconds (said only when under a minute)
error-resend-too-soon = Espera { $minutes ->
    [0] { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
} antes de pedir otro código.
# Error code flow_attempts_exhausted.
error-flow-attempts-exhausted = Demasiados códigos incorrectos: esta recuperación ha terminado. Empieza de nuevo.
# Error code account_attempts_exhausted.
error-account-attempts-exhausted = Demasiados códigos incorrectos hoy. Vuelve a intentarlo mañana.
# Error code ip_attempts_exhausted.
error-ip-attempts-exhausted = Demasiados códigos incorrectos desde tu red. Espera una hora y vuelve a intentarlo.
# Error code password_window_expired.
error-password-window-expired = Ha pasado demasiado tiempo desde que escribiste el código. Empieza de nuevo.
# Error code flow_superseded.
error-flow-superseded = Esta recuperación se ha sustituido por otra más reciente, o la contraseña se ha cambiado mientras tanto. Empieza de nuevo si aún lo necesitas.
# Error code send_limit_reached.
# Variables:
#   $hours (Number) - how long to wait, in whole hours (at least 1)
error-send-limit-reached = Hoy ya te hemos enviado todos los códigos que podemos. Vuelve a intentarlo dentro de { $hours ->
    [one] { $hours } hora
   *[other] { $hours } horas
}.
# Error code too_many_recoveries.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (at least 1)
error-too-many-recoveries = Se han empezado demasiadas recuperaciones desde tu red. Vuelve a intentarlo dentro de { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}.
# Error code too_many_sign_ups.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (at least 1)
error-too-many-sign-ups = Se han creado demasiadas cuentas desde tu red. Vuelve a intentarlo dentro de { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}.
# Error code service_busy.
error-service-busy = Ahora mismo estamos muy ocupados. Vuelve a intentarlo en un momento.
