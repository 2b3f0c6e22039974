//! One file per screen; the recovery wizard has a folder of its own.

mod dev_mailbox;
mod home;
mod my_account;
mod not_found;
pub mod recovery;
mod sign_in;
mod sign_up;

pub use dev_mailbox::DevMailboxPage;
pub use home::HomePage;
pub use my_account::MyAccountPage;
pub use not_found::NotFoundPage;
pub use recovery::RecoveryPage;
pub use sign_in::SignInPage;
pub use sign_up::{SignUpDraft, SignUpPage};
