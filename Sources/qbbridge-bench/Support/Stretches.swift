extension Array {
    /// `parts` consecutive stretches of equal length (fewer if there are fewer elements), in order: how a run's
    /// figures move from its start to its end. `overlapping` starts each stretch with the previous one's last
    /// element, so that a difference taken over each stretch loses no interval between two samples.
    func stretches(_ parts: Int, overlapping: Bool = false) -> [ArraySlice<Element>] {
        let length = Swift.max(1, (count + parts - 1) / parts)
        return stride(from: 0, to: count, by: length).map { self[(overlapping ? Swift.max(0, $0 - 1) : $0)..<Swift.min($0 + length, count)] }
    }
}
