### The home page, the first thing a visitor sees.

# Home page: main heading.
home-title = Get back into your account
# Home page: the text under the heading.
home-intro = Forgot your password? Use “Sign in” at the top right, then “Forgot your password?”: we send you a code by email or SMS and you choose a new password.
# Home page: button that starts account recovery.
home-start-recovery = Recover my account
