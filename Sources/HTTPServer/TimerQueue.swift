/// The pending connection timers of one event loop: a binary min-heap of (instant, descriptor).
///
/// Entries are never removed early. A connection that re-arms for an earlier instant or closes
/// leaves its old entry behind; when that entry comes due the loop passes its instant along and
/// the connection ignores it if it no longer matches (see `Connection.handleTimer`). That keeps
/// every operation O(log n) without any bookkeeping of positions.
struct TimerQueue {
    struct Entry {
        let instant: MonotonicInstant
        let descriptor: Int32
    }

    private var heap: [Entry] = []

    var nextInstant: MonotonicInstant? { heap.first?.instant }

    mutating func schedule(_ descriptor: Int32, at instant: MonotonicInstant) {
        heap.append(Entry(instant: instant, descriptor: descriptor))
        siftUp(from: heap.count - 1)
    }

    /// Removes and returns the earliest entry if it is due at `now`.
    mutating func popDue(at now: MonotonicInstant) -> Entry? {
        guard let first = heap.first, first.instant <= now else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(from: 0)
        }
        return first
    }

    private mutating func siftUp(from index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].instant < heap[parent].instant else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(from index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].instant < heap[smallest].instant { smallest = left }
            if right < heap.count && heap[right].instant < heap[smallest].instant { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
