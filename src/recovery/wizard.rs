//! Which screen of the wizard to show, derived from what the server says of the flow.

use recupera_api::recovery::{RecoveryFlow, RecoveryStep};

/// The wizard's screens, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WizardStep {
    /// *Email o ID de usuario* + the bot check.
    Identify,
    /// *Verificación de Email* or *Verificación por SMS*.
    ChooseMethod,
    /// *Código de verificación*.
    EnterCode,
    /// *Nueva contraseña*.
    NewPassword,
    /// The password was changed.
    Done,
}

impl WizardStep {
    /// Steps a person counts (*Paso 2 de 4*); `Done` is not one of them.
    pub const COUNTED: u8 = 4;

    /// The screen for a flow. `choosing_method` is the person's wish to pick another method while a
    /// code is already out.
    pub fn for_flow(flow: Option<&RecoveryFlow>, choosing_method: bool) -> WizardStep {
        match flow.map(|f| f.step) {
            None => WizardStep::Identify,
            Some(RecoveryStep::ChooseMethod) => WizardStep::ChooseMethod,
            Some(RecoveryStep::EnterCode) if choosing_method => WizardStep::ChooseMethod,
            Some(RecoveryStep::EnterCode) => WizardStep::EnterCode,
            Some(RecoveryStep::NewPassword) => WizardStep::NewPassword,
            Some(RecoveryStep::Done) => WizardStep::Done,
        }
    }

    /// 1-based position for the step caption; `None` for `Done`.
    pub fn number(self) -> Option<u8> {
        match self {
            WizardStep::Identify => Some(1),
            WizardStep::ChooseMethod => Some(2),
            WizardStep::EnterCode => Some(3),
            WizardStep::NewPassword => Some(4),
            WizardStep::Done => None,
        }
    }
}

/// `mm:ss` for the resend countdown.
pub fn countdown(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use recupera_api::recovery::Channel;

    fn flow(step: RecoveryStep) -> RecoveryFlow {
        RecoveryFlow {
            flow_id: "f".into(),
            step,
            methods: vec![Channel::Email, Channel::Sms],
            channel: None,
            resend_after_s: 0,
            attempts_left: 5,
            expires_in_s: 3600,
        }
    }

    #[test]
    fn the_screen_follows_the_servers_step() {
        assert_eq!(WizardStep::for_flow(None, false), WizardStep::Identify);
        assert_eq!(
            WizardStep::for_flow(Some(&flow(RecoveryStep::ChooseMethod)), false),
            WizardStep::ChooseMethod
        );
        assert_eq!(WizardStep::for_flow(Some(&flow(RecoveryStep::EnterCode)), false), WizardStep::EnterCode);
        assert_eq!(
            WizardStep::for_flow(Some(&flow(RecoveryStep::NewPassword)), false),
            WizardStep::NewPassword
        );
        assert_eq!(WizardStep::for_flow(Some(&flow(RecoveryStep::Done)), false), WizardStep::Done);
    }

    #[test]
    fn another_method_can_be_chosen_while_a_code_is_out_but_not_after_it_was_verified() {
        assert_eq!(
            WizardStep::for_flow(Some(&flow(RecoveryStep::EnterCode)), true),
            WizardStep::ChooseMethod
        );
        assert_eq!(
            WizardStep::for_flow(Some(&flow(RecoveryStep::NewPassword)), true),
            WizardStep::NewPassword
        );
    }

    #[test]
    fn steps_are_numbered_one_to_four() {
        let numbers: Vec<_> =
            [WizardStep::Identify, WizardStep::ChooseMethod, WizardStep::EnterCode, WizardStep::NewPassword]
                .iter()
                .map(|s| s.number().unwrap())
                .collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        assert_eq!(WizardStep::Done.number(), None);
        // The caption's "of N" is the last numbered step's number.
        assert_eq!(numbers.last().copied(), Some(WizardStep::COUNTED));
    }

    #[test]
    fn the_countdown_reads_minutes_and_seconds() {
        assert_eq!(countdown(0), "0:00");
        assert_eq!(countdown(59), "0:59");
        assert_eq!(countdown(120), "2:00");
        assert_eq!(countdown(241), "4:01");
    }
}
