//! Memory a piece of work may hold, for work that cannot be bounded any other way: a
//! theme's template can grow a string it never writes (`{% set s = s ~ s %}` a few
//! dozen times), and minijinja has no hook on `~`, so neither fuel nor the output cap
//! sees it. The binary installs [`Counting`] as its allocator; [`within`] runs the
//! work on a thread of its own whose allocations are counted, and a thread that goes
//! over its budget is stopped where it stands: it is parked inside the allocator (an
//! allocator may neither fail softly nor unwind) and never resumes, and the caller
//! gets [`Stopped::OverBudget`]. The parked thread keeps what it held, at most the budget,
//! until the process ends. Whatever it holds locked stays locked: the work given
//! here must lock nothing the rest of the process needs (a template render locks only
//! its own objects; lazily built tables it reads are built before).
//!
//! The crate's one `unsafe`: an allocator is an unsafe trait, and stopping a thread
//! needs a pointer to what it shares with its waiter (see the SAFETY notes).
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, Thread};

/// The system allocator, counting what a budgeted thread holds.
pub struct Counting;

/// Whether [`Counting`] is the process's allocator: without it nothing is counted,
/// and [`within`] runs the work as it is (a library user's program, the studio page).
static INSTALLED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Bytes this thread may still allocate; a thread without a budget starts so
    /// high it never runs out.
    static LEFT: Cell<isize> = const { Cell::new(isize::MAX) };
    /// The budgeted run this thread does, to report to when it runs out.
    static RUN: Cell<*const Run> = const { Cell::new(std::ptr::null()) };
}

/// What a budgeted thread and the thread waiting for it share.
struct Run {
    over: AtomicBool,
    done: AtomicBool,
    waiter: Thread,
}

// SAFETY: every method hands the request to `System` unchanged; the counting only
// touches this thread's own cells and, once, atomics of a live `Run`.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        charge(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        charge(layout.size() as isize);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        charge(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        charge(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn charge(bytes: isize) {
    if !INSTALLED.load(Ordering::Relaxed) {
        INSTALLED.store(true, Ordering::Relaxed);
    }
    // `try_with`: cells without destructors stay usable while a thread ends
    let left = LEFT.try_with(|left| {
        let rest = left.get().saturating_sub(bytes);
        left.set(rest);
        rest
    });
    // a thread that panics may print and take a backtrace under locks the whole
    // process shares: it is let finish, and ends soon anyway
    if matches!(left, Ok(rest) if rest < 0) && !thread::panicking() {
        stop_here();
    }
}

/// Ends a budgeted thread that went over: tells its waiter, then parks for good. A
/// thread without a budget (it cannot get below zero in practice) carries on.
fn stop_here() {
    let run = RUN.try_with(Cell::get).unwrap_or(std::ptr::null());
    if run.is_null() {
        return;
    }
    // SAFETY: `within`'s thread keeps its `Run` alive until it clears `RUN`, and it
    // never gets there from here. Neither the stores nor unpark nor park allocate.
    let run = unsafe { &*run };
    run.over.store(true, Ordering::SeqCst);
    run.waiter.unpark();
    loop {
        thread::park();
    }
}

/// Why budgeted work did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stopped {
    /// It went over its budget (in bytes) and was stopped.
    OverBudget(usize),
    /// No thread could be started for it (the system is out of threads or memory).
    NoThread(String),
}

/// Runs `work` on a thread with a stack of `stack` bytes that may hold at most `budget`
/// bytes more than it started with. A panic in `work` is passed on to the caller.
pub fn within<T, F>(budget: usize, stack: usize, work: F) -> Result<T, Stopped>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    if !INSTALLED.load(Ordering::Relaxed) || cfg!(target_family = "wasm") {
        return Ok(work());
    }
    let run = Arc::new(Run {
        over: AtomicBool::new(false),
        done: AtomicBool::new(false),
        waiter: thread::current(),
    });
    let result = Arc::new(Mutex::new(None));
    let (their_run, their_result) = (Arc::clone(&run), Arc::clone(&result));
    let spawned = thread::Builder::new()
        .name("lectern-budgeted".into())
        .stack_size(stack)
        .spawn(move || {
            RUN.set(Arc::as_ptr(&their_run));
            LEFT.set(isize::try_from(budget).unwrap_or(isize::MAX));
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            LEFT.set(isize::MAX);
            RUN.set(std::ptr::null());
            *their_result.lock().unwrap_or_else(PoisonError::into_inner) = Some(outcome);
            their_run.done.store(true, Ordering::SeqCst);
            their_run.waiter.unpark();
        });
    let handle = match spawned {
        Ok(handle) => handle,
        Err(e) => return Err(Stopped::NoThread(e.to_string())),
    };
    loop {
        if run.done.load(Ordering::SeqCst) {
            let _ = handle.join();
            let outcome = result
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take()
                .expect("a finished run leaves its outcome");
            return match outcome {
                Ok(value) => Ok(value),
                Err(panic) => std::panic::resume_unwind(panic),
            };
        }
        if run.over.load(Ordering::SeqCst) {
            // the thread stays parked; dropping the handle detaches it
            return Err(Stopped::OverBudget(budget));
        }
        thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STACK: usize = 1 << 20;

    #[test]
    fn work_within_its_budget_returns_its_value() {
        let got = within(64 << 20, STACK, || vec![7u8; 8 << 20].len());
        assert_eq!(got, Ok(8 << 20));
    }

    #[test]
    fn doubling_a_string_is_stopped_at_the_budget() {
        let got = within(32 << 20, STACK, || {
            let mut s = String::from("ab");
            for _ in 0..40 {
                s = format!("{s}{s}");
            }
            s.len()
        });
        assert_eq!(got, Err(Stopped::OverBudget(32 << 20)));
        // the process goes on, and so do later runs
        assert_eq!(within(32 << 20, STACK, || 1 + 1), Ok(2));
    }

    #[test]
    fn what_the_work_frees_it_may_allocate_again() {
        let got = within(16 << 20, STACK, || {
            for _ in 0..100 {
                std::hint::black_box(vec![1u8; 8 << 20]);
            }
            "done"
        });
        assert_eq!(got, Ok("done"));
    }

    #[test]
    #[should_panic(expected = "the work's own panic")]
    fn a_panic_reaches_the_caller() {
        let _ = within(16 << 20, STACK, || panic!("the work's own panic"));
    }
}
