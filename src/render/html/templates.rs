//! The deck's templates run: on a thread whose memory is counted, writing into a buffer
//! with a cap — a theme is someone else's code, and may neither take the machine's
//! memory nor write without end.

use minijinja::{Environment, Value};

use crate::render::RenderError;

/// A template's output, refusing to grow past `cap` bytes.
pub(super) struct Capped {
    pub(super) bytes: Vec<u8>,
    pub(super) cap: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.cap {
            return Err(std::io::Error::other(format!(
                "more than this deck's limit of {} MB",
                self.cap >> 20
            )));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders the deck's template on a thread whose memory is counted: what the output
/// cap and fuel cannot see (a string grown in a variable) stops at `budget` bytes.
pub(super) fn run(
    env: Environment<'static>,
    context: Value,
    mut out: Capped,
    budget: u64,
) -> Result<Capped, RenderError> {
    use crate::limits::budget::{self, Stopped};
    let budget = usize::try_from(budget).unwrap_or(usize::MAX);
    // the `words` filter's table is built here, not on a thread that may be stopped
    // halfway through building it for every later deck
    crate::words::breaks("词语");
    let rendered = budget::within(budget, crate::limits::STACK, move || {
        let template = env.get_template("deck.html.j2")?;
        template.render_captured_to(context, &mut out)?;
        Ok::<_, minijinja::Error>(out)
    });
    match rendered {
        Ok(done) => Ok(done?),
        Err(Stopped::OverBudget(bytes)) => Err(RenderError::Other(format!(
            "the theme's template failed: the template held more than {} MB (a string or list \
             grown in a loop, far too large for the deck?) and was stopped; fix the template",
            bytes >> 20
        ))),
        Err(Stopped::NoThread(e)) => Err(RenderError::Other(format!(
            "could not start a thread to render the deck: {e}"
        ))),
    }
}
