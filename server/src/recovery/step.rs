//! Where a flow stands, as a type: the step the wizard shows, or why it ended.

use recupera_api::{recovery::RecoveryStep, ErrorCode};

use crate::storage::flows::FlowRow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    ChooseMethod,
    EnterCode,
    NewPassword,
    Done,
    Ended(EndedReason),
}

/// Why a flow can no longer go on. Each reason has its own error code and message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndedReason {
    /// Its own budget of wrong codes is spent.
    Attempts,
    /// Its identifier's budget of wrong codes for the day is spent.
    IdentifierBudget,
    /// Another recovery of the account changed the password.
    Superseded,
    /// Its lifetime is over.
    Expired,
}

impl EndedReason {
    pub fn as_str(self) -> &'static str {
        match self {
            EndedReason::Attempts => "attempts",
            EndedReason::IdentifierBudget => "identifier_budget",
            EndedReason::Superseded => "superseded",
            EndedReason::Expired => "expired",
        }
    }

    fn parse(stored: Option<&str>) -> EndedReason {
        match stored {
            Some("attempts") => EndedReason::Attempts,
            Some("identifier_budget") => EndedReason::IdentifierBudget,
            Some("superseded") => EndedReason::Superseded,
            _ => EndedReason::Expired,
        }
    }

    pub fn error_code(self) -> ErrorCode {
        match self {
            EndedReason::Attempts => ErrorCode::FlowAttemptsExhausted,
            EndedReason::IdentifierBudget => ErrorCode::AccountAttemptsExhausted,
            EndedReason::Superseded => ErrorCode::FlowSuperseded,
            EndedReason::Expired => ErrorCode::FlowExpired,
        }
    }
}

impl Step {
    /// The flow's step at `now` (a flow past its lifetime has ended, whatever its row says).
    pub fn of(flow: &FlowRow, now: i64) -> Step {
        let step = match flow.step.as_str() {
            "choose_method" => Step::ChooseMethod,
            "enter_code" => Step::EnterCode,
            "new_password" => Step::NewPassword,
            "done" => return Step::Done,
            _ => return Step::Ended(EndedReason::parse(flow.ended_reason.as_deref())),
        };
        if now >= flow.expires_at {
            return Step::Ended(EndedReason::Expired);
        }
        step
    }

    /// The step, or the error code that says why there is none.
    pub fn live(self) -> Result<Step, ErrorCode> {
        match self {
            Step::Done => Err(ErrorCode::FlowCompleted),
            Step::Ended(reason) => Err(reason.error_code()),
            step => Ok(step),
        }
    }

    pub fn as_api(self) -> RecoveryStep {
        match self {
            Step::ChooseMethod | Step::Ended(_) => RecoveryStep::ChooseMethod,
            Step::EnterCode => RecoveryStep::EnterCode,
            Step::NewPassword => RecoveryStep::NewPassword,
            Step::Done => RecoveryStep::Done,
        }
    }
}
