### The recovery wizard: identify → choose a method → enter the code → new password → done.

## Every step

# Above each step's heading.
# Variables:
#   $step (Number) - this step's number
#   $total (Number) - how many steps there are
recovery-step-caption = Step { $step } of { $total }
# The browser tab's title on each step, before " — Recupera".
# Variables:
#   $step (Number) - this step's number
#   $total (Number) - how many steps there are
#   $title (String) - the step's heading
recovery-step-title = Step { $step } of { $total }: { $title }
# Heading when a recovery cannot go on (expired, finished, unknown link).
recovery-problem-title = This recovery cannot go on
# Link that starts a new recovery.
recovery-start-again = Start again
# Link that starts a new recovery in this browser, when the link opened belongs to another one.
recovery-start-here = Start a recovery here

## Step 1: identify

# Heading of step 1.
recovery-identify-title = Forgot your password?
# Text under the heading of step 1.
recovery-identify-intro = Tell us which account it is. We will send a verification code to its email or phone.
# Label of the identifier field.
recovery-identifier = Email or user ID
# Help under the identifier label.
recovery-identifier-hint = You can also use your mobile number, like +34 600 000 001.
# Submit button of step 1.
recovery-identify-submit = Send
# Under the button, when it was pressed while the "I am not a robot" check was still being solved:
# the form is sent by itself once the check is done.
recovery-identify-sent-when-checked = It will be sent as soon as the “I am not a robot” check is done.

## The "I am not a robot" check

# Label of the checkbox.
bot-check-label = I am not a robot
# Under the checkbox, before it is ticked.
bot-check-idle = Tick the box: your browser will solve a small puzzle.
# Under the checkbox while the puzzle is being solved.
bot-check-solving = Checking…
# Under the checkbox once the puzzle is solved.
bot-check-solved = Checked. You can continue.
# Under the checkbox when the puzzle could not be fetched or solved.
bot-check-failed = The check did not work. Untick and tick the box to try again.
# Name of the progress bar of the check (read by screen readers).
bot-check-progress = Progress of the check

## Step 2: choose how to verify

# Heading of step 2.
recovery-method-title = Choose how to verify
# Text under the heading of step 2.
recovery-method-intro = We will send you a code. If the account has no phone number, the SMS will not arrive: use email.
# Button: send the code by email.
recovery-method-email = Email verification
# Under the email button.
recovery-method-email-detail = A code to the account's email
# Button: send the code by SMS.
recovery-method-sms = SMS verification
# Under the SMS button.
recovery-method-sms-detail = A code to the account's mobile phone

## Step 3: enter the code

# Heading of step 3.
recovery-code-title = Enter the code
# Announced when the code was sent by email.
recovery-code-sent-email = If the account exists, we have sent a code to its email. Check your inbox (and spam).
# Announced when the code was sent by SMS.
recovery-code-sent-sms = If the account has this phone, we have sent a code by SMS.
# Announced when a new code was sent by email.
recovery-code-resent-email = We have sent a new code by email. The previous one no longer works.
# Announced when a new code was sent by SMS.
recovery-code-resent-sms = We have sent a new code by SMS. The previous one no longer works.
# Label of the code field.
recovery-code = Verification code
# Help under the code label.
recovery-code-hint = 8 digits. You can paste it as it comes, with spaces or dashes.
# Submit button of step 3.
recovery-code-submit = Verify
# Button that asks for a new code.
recovery-code-resend = Resend code
# Under the resend button while it has to wait.
# Variables:
#   $time (String) - minutes and seconds left, like 0:45
recovery-code-resend-wait = You can ask for another code in { $time }.
# Development mode only: link to the test mailbox.
recovery-code-open-mailbox = Open the test mailbox
# Link that goes back to choosing email or SMS.
recovery-code-other-method = Use another method

## Step 4: new password

# Heading of step 4.
recovery-password-title = Create a new password
# Text under the heading of step 4.
recovery-password-intro = Long is strong: a sentence only you know works well. Every sign and letter counts.
# Label of the new password field.
recovery-password = New password
# Label of the field that repeats the new password.
recovery-password-confirmation = Repeat the new password
# Submit button of step 4.
recovery-password-submit = Change password

## Password rules and strength (step 4 and sign-up)

# A rule of the password policy.
# Variables:
#   $min (Number) - the minimum length
password-rule-min-length = At least { $min } characters
# A rule of the password policy.
password-rule-max-length = At most 256 characters
# A rule of the password policy.
password-rule-no-identity = Does not contain your user ID, email or phone number
# A rule of the password policy (checked by the server).
password-rule-not-common = Not a common or easily guessed password
# For screen readers: a rule (as shown in the list) that is met.
# Variables:
#   $rule (String) - the rule's text, e.g. password-rule-min-length
password-rule-met = { $rule } (met)
# For screen readers: a rule (as shown in the list) that is not met.
# Variables:
#   $rule (String) - the rule's text, e.g. password-rule-min-length
password-rule-unmet = { $rule } (not met)
# For screen readers: a rule (as shown in the list) that is still being checked.
# Variables:
#   $rule (String) - the rule's text, e.g. password-rule-min-length
password-rule-pending = { $rule } (checking)
# Label of the strength meter.
password-strength = Strength:
# Strength meter, score 0.
password-strength-0 = very weak
# Strength meter, score 1.
password-strength-1 = weak
# Strength meter, score 2.
password-strength-2 = fair
# Strength meter, score 3.
password-strength-3 = strong
# Strength meter, score 4.
password-strength-4 = very strong

## Done

# Heading after the password was changed.
recovery-done-title = Your password was changed
# Text after the password was changed.
recovery-done-intro = We have signed you out everywhere. Sign in with your new password.
# Button that opens the sign-in with the identifier filled in.
recovery-done-sign-in = Sign in
