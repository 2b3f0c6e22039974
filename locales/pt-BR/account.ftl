### Entrar, criar conta e «Minha conta».

## Sign-in (the centered box on wide screens, a full page on phones)

# Heading of the sign-in box and of the sign-in page.
sign-in-title = Entrar
# Label of the identifier field in the sign-in form.
sign-in-identifier = E-mail ou ID de usuário
# Label of the password field in the sign-in form.
sign-in-password = Senha
# Submit button of the sign-in form.
sign-in-submit = Entrar
# Link in the sign-in box (wide screens) that starts account recovery.
sign-in-forgot = Esqueceu a senha?
# Blue link on the sign-in page (phones) that starts account recovery.
sign-in-forgot-mobile = Esqueceu sua senha?
# Under the sign-in form, around the sign-up link.
# Variables:
#   $link (String) - the link sign-in-sign-up ("Cadastre-se")
sign-in-no-account = Ainda não tem conta? { $link }
# Link under the sign-in form to create an account.
sign-in-sign-up = Cadastre-se

## My account

# Heading of the "My account" page.
account-title = Minha conta
# At the top of My account.
# Variables:
#   $username (String) - the signed-in account's user name, shown in bold
account-signed-in-as = Você entrou como { $username }
# Label of the user name in the account details.
account-username = ID de usuário
# Label of the email in the account details.
account-email = E-mail
# Label of the phone number in the account details.
account-phone = Telefone
# Button that signs out.
account-sign-out = Sair
# "My account" when signed out: heading over the two ways in.
account-sign-in-or-up = Entre / Cadastre-se
# "My account" when signed out: link to the sign-in page.
account-sign-in = Entrar
# "My account" when signed out: link to the sign-up page.
account-sign-up = Cadastre-se

## Sign-up

# Heading of the sign-up page.
sign-up-title = Crie sua conta
# Label of the user name field.
sign-up-username = ID de usuário
# Help under the user name label.
sign-up-username-hint = De 3 a 32 letras, números, pontos, hifens ou sublinhados.
# Label of the email field.
sign-up-email = E-mail
# Label of the optional phone field.
sign-up-phone = Celular (opcional)
# Help under the phone label.
sign-up-phone-hint = No formato internacional, como +55 11 91234 5678. Podemos enviar seus códigos por SMS.
# Label of the password field.
sign-up-password = Senha
# Submit button of the sign-up form.
sign-up-submit = Criar conta
# Shown once the code was right: the account exists.
sign-up-created = Sua conta está pronta. Você já pode entrar.
# Heading of the sign-up's second step: type the code mailed to the address.
sign-up-code-title = Confirme seu e-mail
# Announced when the sign-up's code was mailed. (It reads the same when the email already had an account, whose owner is told by mail instead.)
# Variables:
#   $email (String) - the address typed in the form
sign-up-code-sent = Enviamos um código de 8 dígitos para { $email }. Digite-o aqui para criar sua conta. Se ele não chegar, olhe no spam.
# Announced when a new sign-up code was mailed.
sign-up-code-resent = Enviamos um código novo. O anterior não vale mais.
# Submit button of the sign-up's code step.
sign-up-code-submit = Confirmar
# Link back to the form, to correct the email (the values typed stay).
sign-up-change-details = Corrigir meus dados
# Shown when the sign-up cannot go on: another browser, an old link, or a day has passed.
sign-up-ended = Este cadastro não pode continuar aqui: ele só pode ser concluído no navegador em que foi iniciado, e dura um dia. Comece de novo.
# Shown when too many wrong codes ended the sign-up.
sign-up-ended-attempts = Códigos errados demais: este cadastro terminou. Comece de novo.
# Button that starts the sign-up again.
sign-up-start-again = Começar de novo

## Not found

# Heading of the page shown for an unknown address.
not-found-title = Esta página não existe
# Link back to the home page from the not-found page.
not-found-home = Ir para a página inicial

## Dev mailbox (development mode only)

# Heading of the dev mailbox.
mailbox-title = Caixa de teste
# Text under the heading of the dev mailbox.
mailbox-intro = No modo de desenvolvimento nada sai desta máquina: aqui estão todos os e-mails e SMS que o servidor teria enviado, dos mais novos aos mais antigos.
# Button that reloads the dev mailbox.
mailbox-refresh = Atualizar
# Shown when the dev mailbox has no messages.
mailbox-empty = Nenhuma mensagem ainda.
# Title of an SMS in the dev mailbox (SMS have no subject).
# Same as the source: «SMS» in every language.
mailbox-sms = SMS
# Before the recipient of a message in the dev mailbox.
mailbox-to = Para:

## "My account": a new email or phone, proven by a code

# Button in "My account" that opens the form for a phone, when the account has none.
account-add-phone = Adicionar celular
# Button in "My account" that opens the form for another phone.
account-change-phone = Alterar o celular
# Button in "My account" that opens the form for another email.
account-change-email = Alterar o e-mail
# Label of the new phone number field in "My account".
account-new-phone = Novo celular
# Help under the new phone field.
account-new-phone-hint = No formato internacional, como +55 11 91234 5678. Enviaremos um código por SMS.
# Label of the new email field in "My account".
account-new-email = Novo e-mail
# Help under the new email field.
account-new-email-hint = Enviaremos um código para ele. Seu e-mail não muda até você digitar o código aqui.
# Button that sends a code by SMS to the new (or unconfirmed) phone.
account-send-sms = Enviar código por SMS
# Button that sends a code to the new email.
account-send-code-email = Enviar código
# Button that closes the new email or phone form without sending anything.
account-cancel = Cancelar
# A phone typed at sign-up that no code has proven yet.
# Variables:
#   $phone (String) - the phone number in international form
account-phone-unconfirmed = { $phone } ainda não foi confirmado: não enviaremos nada para ele até você confirmá-lo com um código por SMS.
# Over the code field of a new email or phone.
# Variables:
#   $address (String) - the new email or phone number
account-code-waiting = Digite o código que enviamos para { $address }.
# Announced once the SMS with the code was sent to a new phone.
# Variables:
#   $address (String) - the phone number in international form
account-code-sent-phone = Enviamos um código por SMS para { $address }.
# Announced once the code was sent to a new email.
# Variables:
#   $address (String) - the new email
account-code-sent-email = Enviamos um código para { $address }.
# Button that checks the code of a new email or phone.
account-confirm-code = Confirmar
# Announced once the code proved the new phone.
account-phone-confirmed = Celular confirmado. Os códigos por SMS irão para ele.
# Announced once the code proved the new email.
account-email-confirmed = E-mail alterado. Os códigos e avisos irão para ele.

## "My account": the password, and where the account is signed in

# Heading of the password section in "My account".
account-password-heading = Senha
# Button that opens the form for a new password in "My account".
account-change-password = Alterar a senha
# Label of the current password field, asked for before a new one.
account-current-password = Senha atual
# Label of the new password field in "My account".
account-new-password = Nova senha
# Button that sets the new password.
account-save-password = Salvar a nova senha
# Announced once the password was changed from "My account".
account-password-changed = Senha alterada. Encerramos a sessão nos outros dispositivos e avisamos você por e-mail.
# Heading of the list of signed-in sessions.
account-sessions-heading = Onde você está conectado
# A signed-in session: its browser and system.
# Variables:
#   $browser (String) - a browser's name (Firefox, Chrome…), or account-session-unknown-browser
#   $system (String) - a system's name (Android, Windows…), or account-session-unknown-system
account-session-device = { $browser } no { $system }
# Stands for the browser of a session whose user agent says none (starts the sentence).
account-session-unknown-browser = Navegador desconhecido
# Stands for the system of a session whose user agent says none (after "on").
account-session-unknown-system = sistema desconhecido
# Marks the session of the browser being used.
account-session-this-device = Este dispositivo
# A session used in the last minute or two.
account-session-used-now = Ativa agora
# A session last used minutes ago (always 2 to 119).
# Variables:
#   $minutes (Number) - minutes since its last use
account-session-used-minutes = Última atividade há { $minutes } minutos
# A session last used hours ago (always 2 to 47).
# Variables:
#   $hours (Number) - hours since its last use
account-session-used-hours = Última atividade há { $hours } horas
# A session last used days ago (2 or more; [one] is not used but kept for languages that need it).
# Variables:
#   $days (Number) - days since its last use
account-session-used-days = Última atividade { $days ->
        [one] ontem
       *[other] há { $days } dias
    }
# Button that ends another device's session.
account-session-end = Encerrar essa sessão
# Button that ends every session but this one.
account-sessions-end-others = Encerrar as outras sessões
# Announced once another device's session ended.
account-session-ended = Encerramos a sessão nesse dispositivo.
# Announced once every other session ended.
account-sessions-others-ended = Encerramos a sessão nos outros dispositivos.
