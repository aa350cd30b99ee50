/// Entries that must travel together (one group, or one independent entry), for `QBXMLBatcher`.
struct BatchUnit {
    var entries: [QBXMLBatcher.Entry]

    /// Groups entries into units, in order of first appearance, checking requestIDs.
    static func units(from entries: [QBXMLBatcher.Entry]) throws(QBXMLError) -> [BatchUnit] {
        var units: [BatchUnit] = []
        var unitOfGroup: [String: Int] = [:]
        var seen = Set<String>()
        for entry in entries {
            let id = entry.request.requestID
            try QBXMLMessageSet.checkRequestID(id, of: entry.request)
            guard seen.insert(id).inserted else { throw .duplicateRequestID(id) }
            if let group = entry.group, let index = unitOfGroup[group] {
                units[index].entries.append(entry)
            } else {
                if let group = entry.group { unitOfGroup[group] = units.count }
                units.append(BatchUnit(entries: [entry]))
            }
        }
        return units
    }

    /// The stage of every unit: 0 without dependencies, else one more than the deepest dependency.
    static func levels(of units: [BatchUnit]) throws(QBXMLError) -> [Int] {
        var unitOfRequest: [String: Int] = [:]
        for (index, unit) in units.enumerated() {
            for entry in unit.entries { unitOfRequest[entry.request.requestID] = index }
        }
        var dependencies: [Set<Int>] = Array(repeating: [], count: units.count)
        for (index, unit) in units.enumerated() {
            for (position, entry) in unit.entries.enumerated() {
                for id in entry.dependsOn {
                    guard let target = unitOfRequest[id] else {
                        throw .unknownDependency(requestID: entry.request.requestID, dependsOn: id)
                    }
                    if target == index {
                        // Inside a group, order already shows earlier results to later requests.
                        let earlier = unit.entries[..<position].contains { $0.request.requestID == id }
                        guard earlier else { throw .dependencyCycle(requestIDs: [entry.request.requestID, id]) }
                        continue
                    }
                    dependencies[index].insert(target)
                }
            }
        }
        var levels = Array(repeating: -1, count: units.count)
        var visiting = Set<Int>()
        func level(_ index: Int) throws(QBXMLError) -> Int {
            if levels[index] >= 0 { return levels[index] }
            guard visiting.insert(index).inserted else {
                throw .dependencyCycle(requestIDs: visiting.sorted().flatMap { units[$0].entries.map(\.request.requestID) })
            }
            var result = 0
            for dependency in dependencies[index] { result = max(result, try level(dependency) + 1) }
            visiting.remove(index)
            levels[index] = result
            return result
        }
        for index in units.indices { _ = try level(index) }
        return levels
    }
}
