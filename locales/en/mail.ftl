### Mail and SMS the server sends. Plain text: no markup. Keep SMS short (one SMS is 160 characters
### without accents, 70 with them).

# -brand-name is defined in common.ftl.

## Verification code, sent when someone asks to recover an account

# Mail subject of the verification code. Never the code itself: subjects show on locked screens.
mail-recovery-code-subject = Your { -brand-name } verification code
# Mail body of the verification code.
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
mail-recovery-code-body =
    Hello,

    Someone (probably you) asked to recover your { -brand-name } account.

    Your verification code is: { $code }

    Type it only in the page where you asked for it, in the same browser. It works for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } and only once.

    If someone sent you a link or asked you for this code, do not type it and do not share it: they are trying to take over your account. { -brand-name } will never ask you for it.

    If you did not ask for this, ignore this message: your password has not changed.

    — { -brand-name } support
# SMS with the verification code.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, curly quotes, «»…).
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
sms-recovery-code = { -brand-name }: your code is { $code } ({ $minutes } min). Type it only on the page where you asked for it. Never share it.

## Notice to an email address that has no account

# Mail subject when someone asked to recover an account with an address that has none.
mail-no-account-subject = Account recovery at { -brand-name }
# Mail body when someone asked to recover an account with an address that has none.
mail-no-account-body =
    Hello,

    Someone asked to recover a { -brand-name } account with this email address, but there is no account with it.

    If it was you, you may have signed up with another address or with your user name: try again with those.
    If it was not you, ignore this message.

    — { -brand-name } support

## After a password change

# Mail subject after the account's password was changed.
mail-password-changed-subject = Your { -brand-name } password was changed
# Mail body after the account's password was changed.
mail-password-changed-body =
    Hello,

    The password of your { -brand-name } account was just changed, and every device signed in to it was signed out.

    If this was you, there is nothing else to do.
    If this wasn't you, recover your account right away with “Forgot your password?” and change the password of your email too.

    — { -brand-name } support
# SMS after the account's password was changed.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, curly quotes, «»…).
sms-password-changed = { -brand-name }: your password was changed. If this wasn't you, recover your account now with "Forgot your password?".

## Code that proves the email of a new account

# Mail subject of the sign-up's code. Never the code itself: subjects show on locked screens.
mail-sign-up-code-subject = Confirm your email at { -brand-name }
# Mail body of the sign-up's code.
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
mail-sign-up-code-body =
    Hello,

    Someone (probably you) wants to create a { -brand-name } account with this address.

    Your code to confirm it is: { $code }

    Type it only in the page where you signed up, in the same browser. It works for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } and only once.

    If this was not you, ignore this message: without the code no account is created.

    — { -brand-name } support

## Sign-up with an address that already has an account

# Mail subject when someone tried to create an account with an address that already has one.
mail-sign-up-taken-subject = Someone tried to sign up at { -brand-name } with your address
# Mail body when someone tried to create an account with an address that already has one.
mail-sign-up-taken-body =
    Hello,

    Someone tried to create a new { -brand-name } account with your email address or phone number, which already belong to your account. No new account was created.

    If it was you, sign in instead; if you forgot your password, use “Forgot your password?”.
    If it was not you, ignore this message.

    — { -brand-name } support

## Many wrong passwords in a row for an account

# Mail subject when many wrong passwords in a row were typed for the account (at most one a day).
mail-sign-in-attack-subject = Someone is trying to sign in to your { -brand-name } account
# Mail body when many wrong passwords in a row were typed for the account (at most one a day).
mail-sign-in-attack-body =
    Hello,

    Someone has typed many wrong passwords for your { -brand-name } account, one after another. We now ask for the “I am not a robot” check and make each new try wait longer, so guessing is very slow. Your password has not changed and nobody has signed in with it.

    If it was you, wait a moment and try again, or use “Forgot your password?”.
    If it was not you, nothing needs doing; if your password is short or used on other sites, change it with “Forgot your password?”.

    — { -brand-name } support

## Code that proves a new email or phone added in "My account"

# Mail subject of the code that proves a new email of the account.
mail-email-code-subject = Confirm your new email at { -brand-name }
# Mail body of the code that proves a new email of the account.
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
mail-email-code-body =
    Hello,

    Someone (probably you) wants this address to be the email of a { -brand-name } account.

    Your code to confirm it is: { $code }

    Type it only in “My account”, where you asked for it. It works for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }, once.

    If it was not you, ignore this message: without the code nothing changes.

    — { -brand-name } support
# SMS with the code that proves a new phone of the account.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, curly quotes, «»…).
# Variables:
#   $code (String) - the 8-digit code, written as "1234 5678"
#   $minutes (Number) - how long the code works, in minutes
sms-phone-code = { -brand-name }: code { $code } to confirm this phone ({ $minutes } min). Type it only where you asked for it. Never share it.

## The account's email or phone was changed

# Mail subject to the old email once the account's email was changed.
mail-email-changed-subject = The email of your { -brand-name } account was changed
# Mail body to the old email once the account's email was changed.
mail-email-changed-body =
    Hello,

    The email of your { -brand-name } account was just changed: codes and notices no longer come to this address.

    If this was you, there is nothing else to do.
    If this wasn't you, reply to this message at once so support can give the account back to you, and change the password of this email too.

    — { -brand-name } support
# Mail subject to the account's email once a new phone was confirmed.
mail-phone-changed-subject = A new phone for your { -brand-name } account
# Mail body to the account's email once a new phone was confirmed.
mail-phone-changed-body =
    Hello,

    A new phone number was just confirmed for your { -brand-name } account: codes by SMS now go to it.

    If this was you, there is nothing else to do.
    If this wasn't you, recover your account right away with “Forgot your password?”: that signs everyone else out.

    — { -brand-name } support
# SMS to the old phone once another phone was confirmed for the account.
# One SMS segment at most (cargo xtask l10n counts): 160 characters, or 70 once one is outside GSM-7
# (ó, á, í, ú, curly quotes, «»…).
sms-phone-changed = { -brand-name }: this number no longer belongs to your account. If that was not you, recover it now with "Forgot your password?".
