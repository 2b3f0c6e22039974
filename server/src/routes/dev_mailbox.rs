//! `GET /dev/mailbox`: dev mode only. The messages the outbox holds, rendered as they are sent, newest
//! first — so a newcomer can finish the journey without a mail server. Outside dev mode: 404.

use axum::{extract::State, Json};
use recupera_api::{dev::MailboxMessage, recovery::Channel};

use crate::{messages::render, AppError, AppState};

#[utoipa::path(get, path = "/api/v1/dev/mailbox", tag = "dev",
    responses((status = 200, body = Vec<MailboxMessage>)))]
pub async fn mailbox(State(state): State<AppState>) -> Result<Json<Vec<MailboxMessage>>, AppError> {
    if !state.config.dev {
        return Err(AppError::not_found());
    }
    let messages = state.db.all_messages(200).await?;
    let listed = messages
        .into_iter()
        .map(|m| {
            // Sealed at rest like every message; a scrubbed one (sent by a real transport) renders
            // without its variables.
            let args = crate::outbox::open_arguments(&state, &m).unwrap_or_default();
            let rendered = render(&m.template, &m.channel, &m.language, &args);
            MailboxMessage {
                id: m.id,
                channel: if m.channel == "sms" { Channel::Sms } else { Channel::Email },
                to: m.recipient,
                subject: rendered.subject,
                body: rendered.body,
                created_at: m.created_at,
            }
        })
        .collect();
    Ok(Json(listed))
}
