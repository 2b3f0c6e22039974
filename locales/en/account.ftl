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
# Shown after sign-up. (It reads the same when the email already had an account, which is told by mail.)
sign-up-created = Done. If this email is new to us, your account is ready: sign in. If it already had an account, we have sent it a message.

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
