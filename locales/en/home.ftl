### The home page, the first thing a visitor sees.

# Home page: main heading.
home-title = Get back into your account
# Home page: the text under the heading. The same on phones and wide screens, whose headers differ.
home-intro = Forgot your password? We send you a code by email or SMS, and you choose a new one. It takes a minute.
# Home page: button that starts account recovery.
home-start-recovery = Recover my account
