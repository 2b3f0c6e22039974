### What each error code of the server means to a person, and the error summary around them.
### Never say whether an account exists.

# Heading of the box at the top of a form that lists its problem.
error-summary-title = There is a problem
# Button that tries a failed request again (after a network failure).
error-retry = Try again
# The server could not be reached.
error-network = We could not reach the server. Check your connection and try again.
# Error code not_found.
error-not-found = We could not find what you asked for.
# Error codes malformed_request, method_not_allowed, unsupported_media_type.
error-malformed-request = Something went wrong with that request. Reload the page and try again.
# Error code payload_too_large.
error-payload-too-large = What you sent is too long.
# Error code internal.
error-internal = Something went wrong on our side. Try again in a moment.
# Error code identifier_invalid.
error-identifier-invalid = Enter an email, a user ID or a mobile number in international form (+34 …).
# Error code username_invalid.
error-username-invalid = A user ID has 3 to 32 letters, digits, dots, dashes or underscores, and not only digits.
# Error code email_invalid.
error-email-invalid = Enter an email address like name@example.com.
# Error code phone_invalid.
error-phone-invalid = Enter the phone number in international form, like +34 600 000 001.
# Error code username_taken.
error-username-taken = That user ID is taken. Choose another.
# Error code email_taken (said only once the code mailed to the address was typed).
error-email-taken = This email already has an account. Sign in with it or, if you forgot the password, recover it.
# Error code phone_taken (said only once the code sent to the phone was typed).
error-phone-taken = This phone number belongs to another account. Use another one, or recover that account.
# Error code address_unchanged.
error-address-unchanged = That is already your address: nothing to change.
# Error code nothing_to_confirm.
error-nothing-to-confirm = No new address is waiting for a code. Add it again.
# Error code address_attempts_exhausted.
error-address-attempts-exhausted = Too many wrong codes. Add the address again to get a new code.
# Error code current_password_invalid (changing the password in "My account").
error-current-password-invalid = This is not your current password.
# Error code session_not_found.
error-session-not-found = That session has already ended.
# Error code password_too_short.
# Variables:
#   $min (Number) - the minimum length
error-password-too-short = The password needs at least { $min } characters.
# Error code password_too_long.
error-password-too-long = The password can have at most 256 characters.
# Error code password_common.
error-password-common = That password is too common or easy to guess. Try a longer sentence of your own.
# Error code password_contains_identity.
error-password-contains-identity = The password must not contain your user ID, email or phone number.
# Error code password_mismatch.
error-password-mismatch = The two passwords are not the same.
# Error code invalid_credentials.
error-invalid-credentials = The email or user ID and the password do not match.
# Error code not_signed_in.
error-not-signed-in = Sign in to see this.
# Error code too_many_requests.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (0 when under a minute)
#   $seconds (Number) - how long to wait, in seconds (said only when under a minute)
error-too-many-requests = Too many tries. Wait { $minutes ->
    [0] { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} and try again.
# Error code bot_check_invalid.
error-bot-check-invalid = Tick “I am not a robot” and wait until it is checked.
# Error code bot_check_expired.
error-bot-check-expired = The “I am not a robot” check expired. Tick the box again.
# Error code bot_check_required (sign-in, after a few wrong passwords; the check appears under it).
error-bot-check-required = For your safety, tick “I am not a robot” below, then sign in again.
# Error code sign_in_paused.
error-sign-in-paused = Too many wrong passwords in a row: sign-in to this account is paused. Get it back with “Forgot your password?”.
# Error code flow_not_found.
error-flow-not-found = This recovery cannot be continued in this browser. For your safety, a recovery can only be finished in the browser where it was started (and this link may be old). Start one here.
# Error code flow_expired.
error-flow-expired = This recovery has expired. Start again.
# Error code flow_wrong_step.
error-flow-wrong-step = This step is already done. Reload the page to continue where you are.
# Error code flow_completed.
error-flow-completed = This recovery already changed the password. Sign in with the new one.
# Error code code_malformed.
error-code-malformed = The code has 8 digits.
# Error code code_invalid.
# Variables:
#   $attempts (Number) - tries left
error-code-invalid = That code is not right. { $attempts ->
    [0] No tries left.
    [one] You have { $attempts } try left.
   *[other] You have { $attempts } tries left.
}
# Error code code_expired.
error-code-expired = That code has expired. Ask for a new one.
# Error code resend_too_soon.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (0 when under a minute)
#   $seconds (Number) - how long to wait, in seconds (said only when under a minute)
error-resend-too-soon = Wait { $minutes ->
    [0] { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} before asking for another code.
# Error code flow_attempts_exhausted.
error-flow-attempts-exhausted = Too many wrong codes: this recovery has ended. Start again.
# Error code account_attempts_exhausted.
error-account-attempts-exhausted = Too many wrong codes today. Try again tomorrow.
# Error code ip_attempts_exhausted.
error-ip-attempts-exhausted = Too many wrong codes from your network. Wait an hour and try again.
# Error code password_window_expired.
error-password-window-expired = Too much time has passed since you entered the code. Start again.
# Error code flow_superseded.
error-flow-superseded = This recovery was replaced by a newer one, or the password was changed meanwhile. Start again if you still need to.
# Error code send_limit_reached.
# Variables:
#   $hours (Number) - how long to wait, in whole hours (at least 1)
error-send-limit-reached = We have sent as many codes as we can today. Try again in { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}.
# Error code too_many_recoveries.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (at least 1)
error-too-many-recoveries = Too many recoveries were started from your network. Try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
# Error code too_many_sign_ups.
# Variables:
#   $minutes (Number) - how long to wait, in whole minutes (at least 1)
error-too-many-sign-ups = Too many accounts were created from your network. Try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
# Error code service_busy.
error-service-busy = We are very busy right now. Try again in a moment.
