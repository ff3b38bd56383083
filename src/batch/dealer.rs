//! Which job a worker gets next. Typst's memoization is per process, so a copy costs
//! least in the worker that just typeset its sibling: the jobs of one letter (its copies)
//! go to a worker in runs. An idle worker gets the next job of the letter it typeset
//! last; when that letter has none left, the first letter no worker is on; when every
//! letter left has a worker, it joins the one with the most jobs left.

use super::tasks::Task;
use crate::export::Format;

/// The queued jobs (in letter order) and who is on which letter.
pub struct Dealer<'q> {
    queue: &'q [(usize, Vec<Format>)],
    /// Each letter's range of `queue` positions: `(next, end)`.
    runs: Vec<(usize, usize)>,
    /// The run each worker slot is on.
    on: Vec<Option<usize>>,
    /// Jobs not yet dealt.
    left: usize,
}

impl<'q> Dealer<'q> {
    /// A dealer of `queue` (job indices into `tasks`, with their formats) for `workers`.
    pub fn new(queue: &'q [(usize, Vec<Format>)], tasks: &[Task], workers: usize) -> Self {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (position, (index, _)) in queue.iter().enumerate() {
            let letter = tasks[*index].letter;
            match runs.last_mut() {
                Some(run) if tasks[queue[run.0].0].letter == letter => run.1 = position + 1,
                _ => runs.push((position, position + 1)),
            }
        }
        Self {
            queue,
            runs,
            on: vec![None; workers],
            left: queue.len(),
        }
    }

    /// Whether jobs are left to deal.
    pub fn left(&self) -> bool {
        self.left > 0
    }

    /// The next job for the worker in `slot`, with its formats.
    pub fn deal(&mut self, slot: usize) -> Option<(usize, &'q [Format])> {
        if slot >= self.on.len() {
            self.on.resize(slot + 1, None);
        }
        let pending = |run: &(usize, usize)| run.0 < run.1;
        let run = match self.on[slot] {
            Some(run) if pending(&self.runs[run]) => run,
            _ => {
                let free = (0..self.runs.len())
                    .find(|r| pending(&self.runs[*r]) && !self.on.contains(&Some(*r)));
                let fullest = || {
                    (0..self.runs.len())
                        .filter(|r| pending(&self.runs[*r]))
                        .max_by_key(|r| (self.runs[*r].1 - self.runs[*r].0, usize::MAX - r))
                };
                free.or_else(fullest)?
            }
        };
        self.on[slot] = Some(run);
        let position = self.runs[run].0;
        self.runs[run].0 += 1;
        self.left -= 1;
        let (index, formats) = &self.queue[position];
        Some((*index, formats.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(letter: usize) -> Task {
        Task {
            letter,
            id: String::new(),
            base: String::new(),
            copy: None,
        }
    }

    #[test]
    fn a_worker_keeps_to_its_letter() {
        // Letter 0 has four jobs, letter 1 two.
        let tasks: Vec<Task> = [0, 0, 0, 0, 1, 1].into_iter().map(task).collect();
        let queue: Vec<(usize, Vec<Format>)> = (0..6).map(|i| (i, vec![Format::Pdf])).collect();
        let mut dealer = Dealer::new(&queue, &tasks, 2);
        let mut deal = |slot| dealer.deal(slot).map(|(index, _)| index);
        assert_eq!(deal(0), Some(0));
        assert_eq!(deal(1), Some(4), "the second worker starts the free letter");
        assert_eq!(deal(0), Some(1));
        assert_eq!(deal(1), Some(5));
        assert_eq!(deal(1), Some(2), "then joins the letter with jobs left");
        assert_eq!(deal(0), Some(3));
        assert_eq!(deal(0), None);
    }
}
