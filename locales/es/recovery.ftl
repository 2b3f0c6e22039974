### El asistente de recuperación: identificarse → elegir método → código → contraseña nueva → hecho.

## Every step

# Above each step's heading.
# Variables:
#   $step (Number) - this step's number
#   $total (Number) - how many steps there are
recovery-step-caption = Paso { $step } de { $total }
# The browser tab's title on each step, before " — Recupera".
# Variables:
#   $step (Number) - this step's number
#   $total (Number) - how many steps there are
#   $title (String) - the step's heading
recovery-step-title = Paso { $step } de { $total }: { $title }
# Heading when a recovery cannot go on (expired, finished, unknown link).
recovery-problem-title = Esta recuperación no puede continuar
# Link that starts a new recovery.
recovery-start-again = Empezar de nuevo
# Link that starts a new recovery in this browser, when the link opened belongs to another one.
recovery-start-here = Empezar una recuperación aquí

## Step 1: identify

# Heading of step 1.
recovery-identify-title = ¿Has olvidado la contraseña?
# Text under the heading of step 1.
recovery-identify-intro = Dinos qué cuenta es. Te enviaremos un código de verificación al email o al móvil de la cuenta.
# Label of the identifier field.
recovery-identifier = Email o ID de usuario
# Help under the identifier label.
recovery-identifier-hint = También puedes usar tu número de móvil, como +34 600 000 001.
# Submit button of step 1.
recovery-identify-submit = Enviar
# Under the button, when it was pressed while the "I am not a robot" check was still being solved:
# the form is sent by itself once the check is done.
recovery-identify-sent-when-checked = Se enviará en cuanto termine la comprobación «No soy un robot».

## The "I am not a robot" check

# Label of the checkbox.
bot-check-label = No soy un robot
# Under the checkbox, before it is ticked.
bot-check-idle = Marca la casilla: tu navegador resolverá un pequeño reto.
# Under the checkbox while the puzzle is being solved.
bot-check-solving = Comprobando…
# Under the checkbox once the puzzle is solved.
bot-check-solved = Comprobado. Puedes continuar.
# Under the checkbox when the puzzle could not be fetched or solved.
bot-check-failed = La comprobación no ha funcionado. Desmarca y vuelve a marcar la casilla.
# Name of the progress bar of the check (read by screen readers).
bot-check-progress = Progreso de la comprobación

## Step 2: choose how to verify

# Heading of step 2.
recovery-method-title = Elige cómo verificar
# Text under the heading of step 2.
recovery-method-intro = Te enviaremos un código. Si la cuenta no tiene teléfono, el SMS no llegará: usa el email.
# Button: send the code by email.
recovery-method-email = Verificación de Email
# Under the email button.
recovery-method-email-detail = Un código al email de la cuenta
# Button: send the code by SMS.
recovery-method-sms = Verificación por SMS
# Under the SMS button.
recovery-method-sms-detail = Un código al móvil de la cuenta

## Step 3: enter the code

# Heading of step 3.
recovery-code-title = Escribe el código
# Announced when the code was sent by email.
recovery-code-sent-email = Si la cuenta existe, te hemos enviado un código por email. Mira en tu bandeja de entrada (y en spam).
# Announced when the code was sent by SMS.
recovery-code-sent-sms = Si la cuenta tiene este teléfono, te hemos enviado un código por SMS.
# Announced when a new code was sent by email.
recovery-code-resent-email = Te hemos enviado un código nuevo por email. El anterior ya no sirve.
# Announced when a new code was sent by SMS.
recovery-code-resent-sms = Te hemos enviado un código nuevo por SMS. El anterior ya no sirve.
# Label of the code field.
recovery-code = Código de verificación
# Help under the code label.
recovery-code-hint = 8 cifras. Puedes pegarlo tal como llega, con espacios o guiones.
# Submit button of step 3.
recovery-code-submit = Verificar
# Button that asks for a new code.
recovery-code-resend = Reenviar código
# Under the resend button while it has to wait.
# Variables:
#   $time (String) - minutes and seconds left, like 0:45
recovery-code-resend-wait = Podrás pedir otro código dentro de { $time }.
# Development mode only: link to the test mailbox.
recovery-code-open-mailbox = Abrir el buzón de pruebas
# Link that goes back to choosing email or SMS.
recovery-code-other-method = Usar otro método

## Step 4: new password

# Heading of step 4.
recovery-password-title = Crea una contraseña nueva
# Text under the heading of step 4.
recovery-password-intro = Cuanto más larga, más segura: una frase que solo tú conozcas funciona bien. Cuentan todos los signos y letras.
# Label of the new password field.
recovery-password = Nueva contraseña
# Label of the field that repeats the new password.
recovery-password-confirmation = Repite la contraseña nueva
# Submit button of step 4.
recovery-password-submit = Cambiar la contraseña

## Password rules and strength (step 4 and sign-up)

# A rule of the password policy.
# Variables:
#   $min (Number) - the minimum length
password-rule-min-length = Al menos { $min } caracteres
# A rule of the password policy.
password-rule-max-length = Como mucho 256 caracteres
# A rule of the password policy.
password-rule-no-identity = No contiene tu ID de usuario, tu email ni tu teléfono
# A rule of the password policy (checked by the server).
password-rule-not-common = No es una contraseña común ni fácil de adivinar
# For screen readers: a rule (as shown in the list) that is met.
# Variables:
#   $rule (String) - the rule's text, e.g. password-rule-min-length
password-rule-met = { $rule } (cumplida)
# For screen readers: a rule (as shown in the list) that is not met.
# Variables:
#   $rule (String) - the rule's text, e.g. password-rule-min-length
password-rule-unmet = { $rule } (sin cumplir)
# For screen readers: a rule (as shown in the list) that is still being checked.
# Variables:
#   $rule (String) - the rule's text, e.g. password-rule-min-length
password-rule-pending = { $rule } (comprobando)
# Label of the strength meter.
password-strength = Seguridad:
# Strength meter, score 0.
password-strength-0 = muy débil
# Strength meter, score 1.
password-strength-1 = débil
# Strength meter, score 2.
password-strength-2 = aceptable
# Strength meter, score 3.
password-strength-3 = fuerte
# Strength meter, score 4.
password-strength-4 = muy fuerte

## Done

# Heading after the password was changed.
recovery-done-title = Se ha cambiado tu contraseña
# Text after the password was changed.
recovery-done-intro = Hemos cerrado tu sesión en todas partes. Inicia sesión con tu contraseña nueva.
# Button that opens the sign-in with the identifier filled in.
recovery-done-sign-in = Iniciar sesión
