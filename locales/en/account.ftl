### Signing in, signing up and "My account".

## Sign-in (the centered box on wide screens, a full page on phones)

# Heading of the sign-in box and of the sign-in page.
sign-in-title = Sign in
# Label of the identifier field in the sign-in form.
sign-in-identifier = Email or user ID
# Label of the password field in the sign-in form.
sign-in-password = Password
# Submit button of the sign-in form.
sign-in-submit = Sign in
# Link in the sign-in box (wide screens) that starts account recovery.
sign-in-forgot = Forgot your password?
# Blue link on the sign-in page (phones) that starts account recovery.
sign-in-forgot-mobile = Forgot your password?
# Under the sign-in form, around the sign-up link.
# Variables:
#   $link (String) - the link sign-in-sign-up ("Sign up")
sign-in-no-account = No account yet? { $link }
# Link under the sign-in form to create an account.
sign-in-sign-up = Sign up

## My account

# Heading of the "My account" page.
account-title = My account
# At the top of My account.
# Variables:
#   $username (String) - the signed-in account's user name, shown in bold
account-signed-in-as = You are signed in as { $username }
# Label of the user name in the account details.
account-username = User ID
# Label of the email in the account details.
account-email = Email
# Label of the phone number in the account details.
account-phone = Phone
# Button that signs out.
account-sign-out = Sign out
# "My account" when signed out: heading over the two ways in.
account-sign-in-or-up = Sign in / Sign up
# "My account" when signed out: link to the sign-in page.
account-sign-in = Sign in
# "My account" when signed out: link to the sign-up page.
account-sign-up = Sign up

## Sign-up

# Heading of the sign-up page.
sign-up-title = Create your account
# Label of the user name field.
sign-up-username = User ID
# Help under the user name label.
sign-up-username-hint = 3 to 32 letters, digits, dots, dashes or underscores.
# Label of the email field.
sign-up-email = Email
# Label of the optional phone field.
sign-up-phone = Mobile phone (optional)
# Help under the phone label.
sign-up-phone-hint = In international form, like +34 600 000 001. We can send your codes by SMS.
# Label of the password field.
sign-up-password = Password
# Submit button of the sign-up form.
sign-up-submit = Create account
# Shown once the code was right: the account exists.
sign-up-created = Your account is ready. You can sign in now.
# Heading of the sign-up's second step: type the code mailed to the address.
sign-up-code-title = Confirm your email
# Announced when the sign-up's code was mailed. (It reads the same when the email already had an account, whose owner is told by mail instead.)
# Variables:
#   $email (String) - the address typed in the form
sign-up-code-sent = We have sent an 8-digit code to { $email }. Type it here to create your account. If it does not arrive, look in spam.
# Announced when a new sign-up code was mailed.
sign-up-code-resent = We have sent you a new code. The previous one no longer works.
# Submit button of the sign-up's code step.
sign-up-code-submit = Confirm
# Link back to the form, to correct the email (the values typed stay).
sign-up-change-details = Correct my details
# Shown when the sign-up cannot go on: another browser, an old link, or a day has passed.
sign-up-ended = This sign-up cannot be continued here: it can only be finished in the browser where it was started, and it lasts a day. Start again.
# Shown when too many wrong codes ended the sign-up.
sign-up-ended-attempts = Too many wrong codes: this sign-up has ended. Start again.
# Button that starts the sign-up again.
sign-up-start-again = Start again

## Not found

# Heading of the page shown for an unknown address.
not-found-title = This page does not exist
# Link back to the home page from the not-found page.
not-found-home = Go to the home page

## Dev mailbox (development mode only)

# Heading of the dev mailbox.
mailbox-title = Test mailbox
# Text under the heading of the dev mailbox.
mailbox-intro = In development mode nothing leaves this machine: here is every mail and SMS the server would have sent, newest first.
# Button that reloads the dev mailbox.
mailbox-refresh = Refresh
# Shown when the dev mailbox has no messages.
mailbox-empty = No messages yet.
# Title of an SMS in the dev mailbox (SMS have no subject).
mailbox-sms = SMS
# Before the recipient of a message in the dev mailbox.
mailbox-to = To:

## "My account": a new email or phone, proven by a code

# Button in "My account" that opens the form for a phone, when the account has none.
account-add-phone = Add a phone
# Button in "My account" that opens the form for another phone.
account-change-phone = Change the phone
# Button in "My account" that opens the form for another email.
account-change-email = Change the email
# Label of the new phone number field in "My account".
account-new-phone = New phone
# Help under the new phone field.
account-new-phone-hint = In international form, like +34 600 000 001. We will send it a code by SMS.
# Label of the new email field in "My account".
account-new-email = New email
# Help under the new email field.
account-new-email-hint = We will send a code to it. Your email stays the same until you type the code here.
# Button that sends a code by SMS to the new (or unconfirmed) phone.
account-send-sms = Send code by SMS
# Button that sends a code to the new email.
account-send-code-email = Send code
# Button that closes the new email or phone form without sending anything.
account-cancel = Cancel
# A phone typed at sign-up that no code has proven yet.
# Variables:
#   $phone (String) - the phone number in international form
account-phone-unconfirmed = { $phone } is not confirmed yet: we send nothing to it until you confirm it with a code by SMS.
# Over the code field of a new email or phone.
# Variables:
#   $address (String) - the new email or phone number
account-code-waiting = Type the code we sent to { $address }.
# Announced once the SMS with the code was sent to a new phone.
# Variables:
#   $address (String) - the phone number in international form
account-code-sent-phone = We have sent a code by SMS to { $address }.
# Announced once the code was sent to a new email.
# Variables:
#   $address (String) - the new email
account-code-sent-email = We have sent a code to { $address }.
# Button that checks the code of a new email or phone.
account-confirm-code = Confirm
# Announced once the code proved the new phone.
account-phone-confirmed = Phone confirmed. Codes by SMS now go to it.
# Announced once the code proved the new email.
account-email-confirmed = Email changed. Codes and notices now go to it.

## "My account": the password, and where the account is signed in

# Heading of the password section in "My account".
account-password-heading = Password
# Button that opens the form for a new password in "My account".
account-change-password = Change the password
# Label of the current password field, asked for before a new one.
account-current-password = Current password
# Label of the new password field in "My account".
account-new-password = New password
# Button that sets the new password.
account-save-password = Save the new password
# Announced once the password was changed from "My account".
account-password-changed = Password changed. Every other device was signed out, and we sent you an email about it.
# Heading of the list of signed-in sessions.
account-sessions-heading = Where you are signed in
# A signed-in session: its browser and system.
# Variables:
#   $browser (String) - a browser's name (Firefox, Chrome…), or account-session-unknown-browser
#   $system (String) - a system's name (Android, Windows…), or account-session-unknown-system
account-session-device = { $browser } on { $system }
# Stands for the browser of a session whose user agent says none (starts the sentence).
account-session-unknown-browser = Unknown browser
# Stands for the system of a session whose user agent says none (after "on").
account-session-unknown-system = unknown system
# Marks the session of the browser being used.
account-session-this-device = This device
# A session used in the last minute or two.
account-session-used-now = Active now
# A session last used minutes ago (always 2 to 119).
# Variables:
#   $minutes (Number) - minutes since its last use
account-session-used-minutes = Last active { $minutes } minutes ago
# A session last used hours ago (always 2 to 47).
# Variables:
#   $hours (Number) - hours since its last use
account-session-used-hours = Last active { $hours } hours ago
# A session last used days ago (2 or more; [one] is not used but kept for languages that need it).
# Variables:
#   $days (Number) - days since its last use
account-session-used-days = Last active { $days ->
        [one] yesterday
       *[other] { $days } days ago
    }
# Button that ends another device's session.
account-session-end = Sign out there
# Button that ends every session but this one.
account-sessions-end-others = Sign out everywhere else
# Announced once another device's session ended.
account-session-ended = That device was signed out.
# Announced once every other session ended.
account-sessions-others-ended = Every other device was signed out.
