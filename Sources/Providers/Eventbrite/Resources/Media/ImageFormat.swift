/// What an uploaded file is, read from its first bytes: PNG, JPEG, GIF or WebP and the picture's
/// size. Anything else is not an image Eventbrite takes (`BAD_FORMAT`, spec §8.20).
struct ImageFormat: Equatable {
    let contentType: String
    let width: Int64
    let height: Int64

    init?(_ bytes: [UInt8]) {
        func big16(_ at: Int) -> Int64? { at + 2 <= bytes.count ? Int64(bytes[at]) << 8 | Int64(bytes[at + 1]) : nil }
        func big32(_ at: Int) -> Int64? {
            guard at + 4 <= bytes.count else { return nil }
            return (0..<4).reduce(Int64(0)) { $0 << 8 | Int64(bytes[at + $1]) }
        }
        func little16(_ at: Int) -> Int64? { at + 2 <= bytes.count ? Int64(bytes[at + 1]) << 8 | Int64(bytes[at]) : nil }
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            offset + prefix.count <= bytes.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), let width = big32(16), let height = big32(20) {
            // The IHDR chunk comes first: width and height after its length and name.
            self.init(contentType: "image/png", width: width, height: height)
        } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)), let width = little16(6), let height = little16(8) {
            self.init(contentType: "image/gif", width: width, height: height)
        } else if starts(Array("RIFF".utf8)) && starts(Array("WEBPVP8".utf8), at: 8) {
            let chunk = bytes.count > 15 ? bytes[15] : 0
            switch chunk {
            case UInt8(ascii: " "):  // VP8: lossy; 14-bit sizes after the frame tag and start code
                guard let width = little16(26), let height = little16(28) else { return nil }
                self.init(contentType: "image/webp", width: width & 0x3FFF, height: height & 0x3FFF)
            case UInt8(ascii: "L"):  // VP8L: lossless; 14-bit sizes minus one, bit-packed
                guard bytes.count >= 25 else { return nil }
                let bits = Int64(bytes[21]) | Int64(bytes[22]) << 8 | Int64(bytes[23]) << 16 | Int64(bytes[24]) << 24
                self.init(contentType: "image/webp", width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
            case UInt8(ascii: "X"):  // VP8X: extended; 24-bit sizes minus one
                guard bytes.count >= 30 else { return nil }
                let width = Int64(bytes[24]) | Int64(bytes[25]) << 8 | Int64(bytes[26]) << 16
                let height = Int64(bytes[27]) | Int64(bytes[28]) << 8 | Int64(bytes[29]) << 16
                self.init(contentType: "image/webp", width: width + 1, height: height + 1)
            default:
                return nil
            }
        } else if starts([0xFF, 0xD8]) {
            // Walk the markers to the first start-of-frame, which holds the size.
            var index = 2
            while index + 9 < bytes.count {
                guard bytes[index] == 0xFF else { return nil }
                let marker = bytes[index + 1]
                if marker == 0xFF {
                    index += 1
                    continue
                }
                guard let length = big16(index + 2), length >= 2 else { return nil }
                let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
                if isFrame, let height = big16(index + 5), let width = big16(index + 7) {
                    self.init(contentType: "image/jpeg", width: width, height: height)
                    return
                }
                index += 2 + Int(length)
            }
            return nil
        } else {
            return nil
        }
    }

    private init(contentType: String, width: Int64, height: Int64) {
        self.contentType = contentType
        self.width = width
        self.height = height
    }
}
