### O assistente de recuperação: identificar → escolher um método → digitar o código → nova senha → pronto.

## Every step

# Above each step's heading.
# Variables:
#   $step (Number) - this step's number
#   $total (Number) - how many steps there are
recovery-step-caption = Passo { $step } de { $total }
# The browser tab's title on each step, before " — Recupera".
# Variables:
#   $step (Number) - this step's number
#   $total (Number) - how many steps there are
#   $title (String) - the step's heading
recovery-step-title = Passo { $step } de { $total }: { $title }
# Heading when a recovery cannot go on (expired, finished, unknown link).
recovery-problem-title = Esta recuperação não pode continuar
# Link that starts a new recovery.
recovery-start-again = Começar de novo
# Link that starts a new recovery in this browser, when the link opened belongs to another one.
recovery-start-here = Começar uma recuperação aqui

## Step 1: identify

# Heading of step 1.
recovery-identify-title = Esqueceu a senha?
# Text under the heading of step 1.
recovery-identify-intro = Diga qual é a conta. Vamos enviar um código de verificação para o e-mail ou o celular dela.
# Label of the identifier field.
recovery-identifier = E-mail ou ID de usuário
# Help under the identifier label.
recovery-identifier-hint = Você também pode usar seu número de celular, como +55 11 91234 5678.
# Submit button of step 1.
recovery-identify-submit = Enviar
# Under the button, when it was pressed while the "I am not a robot" check was still being solved:
# the form is sent by itself once the check is done.
recovery-identify-sent-when-checked = O formulário será enviado assim que a verificação “Não sou um robô” terminar.

## The "I am not a robot" check

# Label of the checkbox.
bot-check-label = Não sou um robô
# Under the checkbox, before it is ticked.
bot-check-idle = Marque a caixa: seu navegador vai resolver um pequeno desafio.
# Under the checkbox while the puzzle is being solved.
bot-check-solving = Verificando…
# Under the checkbox once the puzzle is solved.
bot-check-solved = Verificado. Você pode continuar.
# Under the checkbox when the puzzle could not be fetched or solved.
bot-check-failed = A verificação não funcionou. Desmarque e marque a caixa para tentar de novo.
# Name of the progress bar of the check (read by screen readers).
bot-check-progress = Andamento da verificação

## Step 2: choose how to verify

# Heading of step 2.
recovery-method-title = Escolha como verificar
# Text under the heading of step 2.
recovery-method-intro = Vamos enviar um código. Se a conta não tiver número de celular, o SMS não vai chegar: use o e-mail.
# Button: send the code by email.
recovery-method-email = Verificação por e-mail
# Under the email button.
recovery-method-email-detail = Um código para o e-mail da conta
# Button: send the code by SMS.
recovery-method-sms = Verificação por SMS
# Under the SMS button.
recovery-method-sms-detail = Um código para o celular da conta

## Step 3: enter the code

# Heading of step 3.
recovery-code-title = Digite o código
# Announced when the code was sent by email.
recovery-code-sent-email = Se a conta existir, enviamos um código para o e-mail dela. Confira sua caixa de entrada (e o spam).
# Announced when the code was sent by SMS.
recovery-code-sent-sms = Se a conta tiver este celular, enviamos um código por SMS.
# Announced when a new code was sent by email.
recovery-code-resent-email = Enviamos um novo código por e-mail. O anterior não funciona mais.
# Announced when a new code was sent by SMS.
recovery-code-resent-sms = Enviamos um novo código por SMS. O anterior não funciona mais.
# Label of the code field.
recovery-code = Código de verificação
# Help under the code label.
recovery-code-hint = 8 dígitos. Você pode colar como ele chegou, com espaços ou hifens.
# Submit button of step 3.
recovery-code-submit = Verificar
# Button that asks for a new code.
recovery-code-resend = Reenviar código
# Under the resend button while it has to wait.
# Variables:
#   $time (String) - minutes and seconds left, like 0:45
recovery-code-resend-wait = Você pode pedir outro código em { $time }.
# Development mode only: link to the test mailbox.
recovery-code-open-mailbox = Abrir a caixa de teste
# Link that goes back to choosing email or SMS.
recovery-code-other-method = Usar outro método

## Step 4: new password

# Heading of step 4.
recovery-password-title = Crie uma nova senha
# Text under the heading of step 4.
recovery-password-intro = Quanto mais longa, mais forte: uma frase que só você conhece funciona bem. Cada sinal e cada letra contam.
# Label of the new password field.
recovery-password = Nova senha
# Label of the field that repeats the new password.
recovery-password-confirmation = Repita a nova senha
# Submit button of step 4.
recovery-password-submit = Alterar senha

## Password rules and strength (step 4 and sign-up)

# A rule of the password policy.
# Variables:
#   $min (Number) - the minimum length
password-rule-min-length = Pelo menos { $min } caracteres
# A rule of the password policy.
password-rule-max-length = No máximo 256 caracteres
# A rule of the password policy.
password-rule-no-identity = Não contém seu ID de usuário, seu e-mail nem seu telefone
# A rule of the password policy (checked by the server).
password-rule-not-common = Não é uma senha comum ou fácil de adivinhar
# For screen readers: a rule (as shown in the list) that is met.
# Variables:
#   $rule (String) - the rule's text, e.g. password-rule-min-length
password-rule-met = { $rule } (cumprida)
# For screen readers: a rule (as shown in the list) that is not met.
# Variables:
#   $rule (String) - the rule's text, e.g. password-rule-min-length
password-rule-unmet = { $rule } (não cumprida)
# For screen readers: a rule (as shown in the list) that is still being checked.
# Variables:
#   $rule (String) - the rule's text, e.g. password-rule-min-length
password-rule-pending = { $rule } (verificando)
# Label of the strength meter.
password-strength = Força:
# Strength meter, score 0.
password-strength-0 = muito fraca
# Strength meter, score 1.
password-strength-1 = fraca
# Strength meter, score 2.
password-strength-2 = razoável
# Strength meter, score 3.
password-strength-3 = forte
# Strength meter, score 4.
password-strength-4 = muito forte

## Done

# Heading after the password was changed.
recovery-done-title = Sua senha foi alterada
# Text after the password was changed.
recovery-done-intro = Desconectamos você de todos os dispositivos. Entre com sua nova senha.
# Button that opens the sign-in with the identifier filled in.
recovery-done-sign-in = Entrar
