//! Reusable pieces of the screens, one per file.

mod bot_check;
mod code_form;
mod error_summary;
mod page_heading;
mod password_field;
mod password_rules;
mod resend_code;
mod sign_in_form;
mod status_region;
mod step_caption;
mod text_field;

pub use bot_check::BotCheck;
pub use code_form::CodeForm;
pub use error_summary::ErrorSummary;
pub use page_heading::{page_title, PageHeading};
pub use password_field::PasswordField;
pub use password_rules::PasswordRules;
pub use resend_code::ResendCode;
pub use sign_in_form::{SignInForm, SignInPlace};
pub use status_region::StatusRegion;
pub use step_caption::StepCaption;
pub use text_field::TextField;
