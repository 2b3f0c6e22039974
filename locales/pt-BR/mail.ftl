### E-mails e SMS que o servidor envia. Texto puro, sem marcação. SMS, curtos.

# -brand-name is defined in common.ftl.

## Verification code, sent when someone asks to recover an account

# Mail subject of the verification code. Never the code itself: subjects show on locked screens.
mail-recovery-code-subject = Seu código de verificação da { -brand-name }
# Mail body of the verification code.
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
mail-recovery-code-body =
    Olá,

    Alguém (provavelmente você) pediu para recuperar sua conta da { -brand-name }.

    Seu código de verificação é: { $code }

    Digite-o somente na página em que você o pediu, no mesmo navegador. Ele vale por { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } e uma única vez.

    Se alguém enviou um link para você ou pediu este código, não o digite nem o compartilhe: essa pessoa está tentando tomar sua conta. A { -brand-name } nunca vai pedir este código.

    Se não foi você que pediu, ignore esta mensagem: sua senha não foi alterada.

    — Equipe { -brand-name }
# SMS with the verification code.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, ã, ç, curly quotes, «»…).
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
sms-recovery-code = { -brand-name }: código { $code } ({ $minutes } min). Digite-o só onde você o pediu.

## Notice to an email address that has no account

# Mail subject when someone asked to recover an account with an address that has none.
mail-no-account-subject = Recuperação de conta na { -brand-name }
# Mail body when someone asked to recover an account with an address that has none.
mail-no-account-body =
    Olá,

    Alguém pediu para recuperar uma conta da { -brand-name } com este endereço de e-mail, mas não há nenhuma conta com ele.

    Se foi você, talvez tenha se cadastrado com outro endereço ou com seu ID de usuário: tente de novo com eles.
    Se não foi você, ignore esta mensagem.

    — Equipe { -brand-name }

## After a password change

# Mail subject after the account's password was changed.
mail-password-changed-subject = Sua senha da { -brand-name } foi alterada
# Mail body after the account's password was changed.
mail-password-changed-body =
    Olá,

    A senha da sua conta da { -brand-name } acabou de ser alterada, e todos os dispositivos conectados a ela foram desconectados.

    Se foi você, não precisa fazer mais nada.
    Se não foi você, recupere sua conta agora mesmo com “Esqueceu a senha?” e altere também a senha do seu e-mail.

    — Equipe { -brand-name }
# SMS after the account's password was changed.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, ã, ç, curly quotes, «»…).
sms-password-changed = { -brand-name }: sua senha foi alterada. Não foi você? Recupere a conta já.

## Code that proves the email of a new account

# Mail subject of the sign-up's code. Never the code itself: subjects show on locked screens.
mail-sign-up-code-subject = Confirme seu e-mail na { -brand-name }
# Mail body of the sign-up's code.
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
mail-sign-up-code-body =
    Olá,

    Alguém (provavelmente você) quer criar uma conta da { -brand-name } com este endereço.

    Seu código para confirmá-lo é: { $code }

    Digite-o somente na página em que você se cadastrou, no mesmo navegador. Ele vale por { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } e uma única vez.

    Se não foi você, ignore esta mensagem: sem o código nenhuma conta é criada.

    — Equipe { -brand-name }

## Sign-up with an address that already has an account

# Mail subject when someone tried to create an account with an address that already has one.
mail-sign-up-taken-subject = Alguém tentou se cadastrar na { -brand-name } com seu endereço
# Mail body when someone tried to create an account with an address that already has one.
mail-sign-up-taken-body =
    Olá,

    Alguém tentou criar uma nova conta da { -brand-name } com seu endereço de e-mail ou número de celular, que já pertencem à sua conta. Nenhuma conta nova foi criada.

    Se foi você, entre na sua conta; se esqueceu a senha, use “Esqueceu a senha?”.
    Se não foi você, ignore esta mensagem.

    — Equipe { -brand-name }

## Many wrong passwords in a row for an account

# Mail subject when many wrong passwords in a row were typed for the account (at most one a day).
mail-sign-in-attack-subject = Alguém está tentando entrar na sua conta da { -brand-name }
# Mail body when many wrong passwords in a row were typed for the account (at most one a day).
mail-sign-in-attack-body =
    Olá,

    Alguém digitou muitas senhas erradas seguidas para a sua conta da { -brand-name }. Agora pedimos a verificação “Não sou um robô” e cada nova tentativa espera mais, então adivinhar a senha fica muito lento. Sua senha não foi alterada e ninguém entrou com ela.

    Se foi você, espere um pouco e tente de novo, ou use “Esqueceu a senha?”.
    Se não foi você, não precisa fazer nada; se a sua senha é curta ou usada em outros sites, altere-a com “Esqueceu a senha?”.

    — Equipe { -brand-name }

## Code that proves a new email or phone added in "My account"

# Mail subject of the code that proves a new email of the account.
mail-email-code-subject = Confirme seu novo e-mail na { -brand-name }
# Mail body of the code that proves a new email of the account.
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
mail-email-code-body =
    Olá,

    Alguém (provavelmente você) quer que este endereço seja o e-mail de uma conta da { -brand-name }.

    Seu código para confirmá-lo é: { $code }

    Digite-o só em “Minha conta”, onde você o pediu. Ele vale por { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }, uma única vez.

    Se não foi você, ignore esta mensagem: sem o código nada muda.

    — Equipe { -brand-name }
# SMS with the code that proves a new phone of the account.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, ã, ç, curly quotes, «»…).
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
sms-phone-code = { -brand-name }: código { $code } para este celular ({ $minutes } min).

## The account's email or phone was changed

# Mail subject to the old email once the account's email was changed.
mail-email-changed-subject = O e-mail da sua conta da { -brand-name } foi alterado
# Mail body to the old email once the account's email was changed.
mail-email-changed-body =
    Olá,

    O e-mail da sua conta da { -brand-name } acabou de ser alterado: códigos e avisos não chegarão mais a este endereço.

    Se foi você, não precisa fazer mais nada.
    Se não foi você, responda já a esta mensagem para que a equipe devolva a conta a você, e altere também a senha deste e-mail.

    — Equipe { -brand-name }
# Mail subject to the account's email once a new phone was confirmed.
mail-phone-changed-subject = Novo celular na sua conta da { -brand-name }
# Mail body to the account's email once a new phone was confirmed.
mail-phone-changed-body =
    Olá,

    Um novo número de celular acabou de ser confirmado na sua conta da { -brand-name }: os códigos por SMS irão para ele.

    Se foi você, não precisa fazer mais nada.
    Se não foi você, recupere sua conta já com “Esqueceu a senha?”: isso encerra as outras sessões.

    — Equipe { -brand-name }
# SMS to the old phone once another phone was confirmed for the account.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, ã, ç, curly quotes, «»…).
sms-phone-changed = { -brand-name }: este número saiu da sua conta. Não foi você? Recupere-a.
