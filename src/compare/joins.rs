//! Union–find over the indices of the documents' entities or events, shared by the story
//! entity and story event rules: each set remembers its first member, and each member the rule
//! that brought it in.

/// Sets of indices joined by rules.
pub(crate) struct Joins {
    parent: Vec<usize>,
    /// For a root: its set's smallest index.
    first: Vec<usize>,
    /// For a member that was a set's first when another set took it in: that rule.
    via: Vec<Option<&'static str>>,
}

impl Joins {
    /// `n` sets of one index each.
    pub(crate) fn new(n: usize) -> Self {
        Joins { parent: (0..n).collect(), first: (0..n).collect(), via: vec![None; n] }
    }

    /// The root of `i`'s set (path halving).
    pub(crate) fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Join the sets of `a` and `b` by `rule`: the set whose first member comes later records
    /// the rule on that member.
    pub(crate) fn join(&mut self, a: usize, b: usize, rule: &'static str) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (keep, later) = if self.first[ra] < self.first[rb] { (ra, rb) } else { (rb, ra) };
        self.via[self.first[later]] = Some(rule);
        self.parent[later] = keep;
    }

    /// The one set all of `members` are in, if there is exactly one.
    pub(crate) fn unique_root(&mut self, members: &[usize]) -> Option<usize> {
        let mut roots = members.iter().map(|&m| self.find(m));
        let first = roots.next()?;
        roots.all(|r| r == first).then_some(first)
    }

    /// The sets' members in order, sets in order of their first member, each member with the
    /// rule that brought it in (`first` for a set's first member).
    pub(crate) fn groups(mut self) -> Vec<Vec<(usize, &'static str)>> {
        let mut groups: Vec<Vec<(usize, &'static str)>> = Vec::new();
        let mut group_of = vec![usize::MAX; self.parent.len()];
        for i in 0..self.parent.len() {
            let root = self.find(i);
            if group_of[root] == usize::MAX {
                group_of[root] = groups.len();
                groups.push(Vec::new());
            }
            let rule = if groups[group_of[root]].is_empty() { "first" } else { self.via[i].unwrap_or("first") };
            groups[group_of[root]].push((i, rule));
        }
        groups
    }
}
