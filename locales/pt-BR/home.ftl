### A página inicial, a primeira coisa que um visitante vê.

# Home page: main heading.
home-title = Recupere o acesso à sua conta
# Home page: the text under the heading. The same on phones and wide screens, whose headers differ.
home-intro = Esqueceu sua senha? Enviamos um código por e-mail ou SMS e você escolhe uma nova. Leva um minuto.
# Home page: button that starts account recovery.
home-start-recovery = Recuperar minha conta
