/// The preview could not listen: every port it was allowed to try is taken, most likely by another
/// `sitegen serve` or `hugo server`. Found before the first build, so nothing was built in vain.
public struct PortInUse: Error, CustomStringConvertible {
    public let host: String
    public let ports: ClosedRange<Int>

    public var description: String {
        let taken = ports.count == 1 ? "Port \(ports.lowerBound) is" : "Ports \(ports.lowerBound)–\(ports.upperBound) are all"
        return "\(taken) already in use on \(host). Stop what listens there, or choose another port with --port N."
    }
}
