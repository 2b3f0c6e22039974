### O que cada código de erro do servidor significa para uma pessoa, e o resumo de erros em volta deles.
### Nunca diga se uma conta existe.

# Heading of the box at the top of a form that lists its problem.
error-summary-title = Há um problema
# Button that tries a failed request again (after a network failure).
error-retry = Tentar de novo
# The server could not be reached.
error-network = Não conseguimos falar com o servidor. Verifique sua conexão e tente de novo.
# Error code not_found.
error-not-found = Não encontramos o que você pediu.
# Error codes malformed_request, method_not_allowed, unsupported_media_type.
error-malformed-request = Algo deu errado com esse pedido. Recarregue a página e tente de novo.
# Error code payload_too_large.
error-payload-too-large = O que você enviou é longo demais.
# Error code internal.
error-internal = Algo deu errado do nosso lado. Tente de novo daqui a pouco.
# Error code identifier_invalid.
error-identifier-invalid = Digite um e-mail, um ID de usuário ou um número de celular no formato internacional (+55 …).
# Error code username_invalid.
error-username-invalid = Um ID de usuário tem de 3 a 32 letras, números, pontos, hifens ou sublinhados, e não só números.
# Error code email_invalid.
error-email-invalid = Digite um endereço de e-mail como nome@exemplo.com.
# Error code phone_invalid.
error-phone-invalid = Digite o número de celular no formato internacional, como +55 11 91234 5678.
# Error code username_taken.
error-username-taken = Esse ID de usuário já está em uso. Escolha outro.
# Error code email_taken (said only once the code mailed to the address was typed).
error-email-taken = Este e-mail já tem uma conta. Entre com ela ou, se você esqueceu a senha, recupere-a.
# Error code phone_taken (said only once the code sent to the phone was typed).
error-phone-taken = Este celular pertence a outra conta. Use outro ou recupere aquela conta.
# Error code address_unchanged.
error-address-unchanged = Esse já é o seu endereço: não há nada para alterar.
# Error code nothing_to_confirm.
error-nothing-to-confirm = Nenhum endereço novo está esperando um código. Adicione-o de novo.
# Error code address_attempts_exhausted.
error-address-attempts-exhausted = Códigos errados demais. Adicione o endereço de novo para receber um código novo.
# Error code current_password_invalid (changing the password in "My account").
error-current-password-invalid = Essa não é a sua senha atual.
# Error code session_not_found.
error-session-not-found = Essa sessão já foi encerrada.
# Error code password_too_short.
# Variables:
#   $min (Number) - the minimum length
error-password-too-short = A senha precisa ter pelo menos { $min } caracteres.
# Error code password_too_long.
error-password-too-long = A senha pode ter no máximo 256 caracteres.
# Error code password_common.
error-password-common = Essa senha é comum ou fácil de adivinhar demais. Tente uma frase mais longa, só sua.
# Error code password_contains_identity.
error-password-contains-identity = A senha não pode conter seu ID de usuário, seu e-mail nem seu telefone.
# Error code password_mismatch.
error-password-mismatch = As duas senhas não são iguais.
# Error code invalid_credentials.
error-invalid-credentials = O e-mail ou ID de usuário e a senha não correspondem.
# Error code not_signed_in.
error-not-signed-in = Entre para ver isto.
# Error code too_many_requests.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (0 when under a minute)
#   $seconds (Number) - how long to wait, in seconds (said only when under a minute)
error-too-many-requests = Tentativas demais. Espere { $minutes ->
    [0] { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
} e tente de novo.
# Error code bot_check_invalid.
error-bot-check-invalid = Marque “Não sou um robô” e espere até a verificação terminar.
# Error code bot_check_expired.
error-bot-check-expired = A verificação “Não sou um robô” expirou. Marque a caixa de novo.
# Error code bot_check_required (sign-in, after a few wrong passwords; the check appears under it).
error-bot-check-required = Para sua segurança, marque “Não sou um robô” aqui embaixo e entre de novo.
# Error code sign_in_paused.
error-sign-in-paused = Senhas erradas demais seguidas: a entrada nesta conta está pausada. Recupere-a com “Esqueceu a senha?”.
# Error code flow_not_found.
error-flow-not-found = Esta recuperação não pode continuar neste navegador. Para sua segurança, uma recuperação só pode ser concluída no navegador em que começou (e este link pode ser antigo). Comece uma aqui.
# Error code flow_expired.
error-flow-expired = Esta recuperação expirou. Comece de novo.
# Error code flow_wrong_step.
error-flow-wrong-step = Este passo já foi concluído. Recarregue a página para continuar de onde você está.
# Error code flow_completed.
error-flow-completed = Esta recuperação já alterou a senha. Entre com a nova.
# Error code code_malformed.
error-code-malformed = O código tem 8 dígitos.
# Error code code_invalid.
# Variables:
#   $attempts (Number) - tries left
error-code-invalid = Esse código não está certo. { $attempts ->
    [0] Não restam tentativas.
    [one] Resta { $attempts } tentativa.
   *[other] Restam { $attempts } tentativas.
}
# Error code code_expired.
error-code-expired = Esse código expirou. Peça um novo.
# Error code resend_too_soon.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (0 when under a minute)
#   $seconds (Number) - how long to wait, in seconds (said only when under a minute)
error-resend-too-soon = Espere { $minutes ->
    [0] { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
} antes de pedir outro código.
# Error code flow_attempts_exhausted.
error-flow-attempts-exhausted = Códigos errados demais: esta recuperação terminou. Comece de novo.
# Error code account_attempts_exhausted.
error-account-attempts-exhausted = Códigos errados demais hoje. Tente de novo amanhã.
# Error code ip_attempts_exhausted.
error-ip-attempts-exhausted = Códigos errados demais a partir da sua rede. Espere uma hora e tente de novo.
# Error code password_window_expired.
error-password-window-expired = Passou tempo demais desde que você digitou o código. Comece de novo.
# Error code flow_superseded.
error-flow-superseded = Esta recuperação foi substituída por uma mais nova, ou a senha foi alterada nesse meio-tempo. Comece de novo se ainda precisar.
# Error code send_limit_reached.
# Variables:
#   $hours (Number) - how long to wait, in whole hours (at least 1)
error-send-limit-reached = Já enviamos todos os códigos que podíamos hoje. Tente de novo em { $hours ->
    [one] { $hours } hora
   *[other] { $hours } horas
}.
# Error code too_many_recoveries.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (at least 1)
error-too-many-recoveries = Recuperações demais foram iniciadas a partir da sua rede. Tente de novo em { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}.
# Error code too_many_sign_ups.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (at least 1)
error-too-many-sign-ups = Contas demais foram criadas a partir da sua rede. Tente de novo em { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}.
# Error code service_busy.
error-service-busy = Estamos muito ocupados agora. Tente de novo daqui a pouco.
