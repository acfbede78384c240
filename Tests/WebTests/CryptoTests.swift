import Support
import Testing
import Web

/// The bytes of hex text; the vectors below are all well formed.
func hexBytes(_ text: String) -> [UInt8] {
    Bytes.fromHex(text)!
}

@Suite("HMAC-SHA256 and PBKDF2-HMAC-SHA256 match the published vectors")
struct CryptoTests {
    /// RFC 4231 section 4: key, data, expected code (test case 5 truncated to 128 bits).
    static let hmacVectors: [(key: [UInt8], data: [UInt8], code: String)] = [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (Array(1...25), [UInt8](repeating: 0xcd, count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ([UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8),
         "a3b6167473100ee06e0c796c2955552b"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ([UInt8](repeating: 0xaa, count: 131),
         Array(("This is a test using a larger than block-size key and a larger than block-size data. "
             + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("RFC 4231 test cases 1 to 7", arguments: 0..<7)
    func rfc4231(index: Int) {
        let vector = CryptoTests.hmacVectors[index]
        let code = Bytes.hex(HMACSHA256.authenticationCode(for: vector.data, key: vector.key))
        #expect(code.hasPrefix(vector.code), "test case \(index + 1)")
        #expect(code.count == 64)
    }

    @Test("A prepared key gives the same code every time and checks codes")
    func preparedKey() {
        let hmac = HMACSHA256(key: Array("Jefe".utf8))
        let message = Array("what do ya want for nothing?".utf8)
        #expect(hmac.authenticationCode(for: message) == hmac.authenticationCode(for: message))
        let code = hexBytes("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(hmac.isValid(code, for: message))
        var altered = code
        altered[31] ^= 1
        #expect(!hmac.isValid(altered, for: message))
        #expect(!hmac.isValid(Array(code.prefix(16)), for: message))
    }

    @Test("PBKDF2-HMAC-SHA256: password, salt, c = 1, 2, 4096")
    func pbkdf2PasswordSalt() {
        let password = Array("password".utf8), salt = Array("salt".utf8)
        let expected = [
            1: "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b",
            2: "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43",
            4096: "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a",
        ]
        for (iterations, key) in expected {
            let derived = PBKDF2.sha256(password: password, salt: salt, iterations: iterations, keyLength: 32)
            #expect(Bytes.hex(derived) == key, "c = \(iterations)")
        }
    }

    @Test("PBKDF2-HMAC-SHA256: long inputs over two blocks, NUL bytes, RFC 7914's 64-byte key")
    func pbkdf2OtherVectors() {
        let long = PBKDF2.sha256(
            password: Array("passwordPASSWORDpassword".utf8), salt: Array("saltSALTsaltSALTsaltSALTsaltSALTsalt".utf8),
            iterations: 4096, keyLength: 40)
        #expect(Bytes.hex(long) == "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9")
        let nul = PBKDF2.sha256(password: Array("pass\0word".utf8), salt: Array("sa\0lt".utf8), iterations: 4096, keyLength: 16)
        #expect(Bytes.hex(nul) == "89b69d0516f829893c696226650a8687")
        let rfc7914 = PBKDF2.sha256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, keyLength: 64)
        #expect(Bytes.hex(rfc7914) == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
    }

    @Test("Constant-time comparison: equal, one bit off, other lengths")
    func constantTimeEqual() {
        #expect(Bytes.constantTimeEqual([], []))
        #expect(Bytes.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!Bytes.constantTimeEqual([1, 2, 3], [1, 2, 2]))
        #expect(!Bytes.constantTimeEqual([0x80, 2, 3], [0, 2, 3]))
        #expect(!Bytes.constantTimeEqual([1, 2, 3], [1, 2]))
    }

    @Test("Hex and Base64 round trips, RFC 4648 vectors, non-canonical text refused")
    func encodings() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(Bytes.base64(Array(plain.utf8)) == encoded)
            #expect(Bytes.fromBase64(encoded) == Array(plain.utf8))
            #expect(Bytes.base64URL(Array(plain.utf8)) == String(encoded.filter { $0 != "=" }))
        }
        #expect(Bytes.base64URL([0xfb, 0xff, 0xbf]) == "-_-_")
        #expect(Bytes.base64([0xfb, 0xff, 0xbf]) == "+/+/")
        #expect(Bytes.fromBase64URL("-_-_") == [0xfb, 0xff, 0xbf])
        #expect(Bytes.fromBase64("Zh==") == nil)
        #expect(Bytes.fromBase64("Zg=") == nil)
        #expect(Bytes.fromBase64("Z g=") == nil)
        #expect(Bytes.fromBase64URL("Zg==") == nil)
        #expect(Bytes.fromBase64URL("Z") == nil)
        #expect(Bytes.fromHex("00ff7A") == [0, 255, 0x7a])
        #expect(Bytes.fromHex("0") == nil)
        #expect(Bytes.fromHex("zz") == nil)
        #expect(Bytes.hex([0, 255, 0x7a]) == "00ff7a")
    }

    @Test("Random bytes: the asked length, and two draws differ")
    func randomBytes() {
        #expect(SecureRandom.bytes(0).isEmpty)
        let first = SecureRandom.bytes(32), second = SecureRandom.bytes(32)
        #expect(first.count == 32 && second.count == 32)
        #expect(first != second)
        let token = SecureRandom.token()
        #expect(token.count == 43)
        #expect(Bytes.fromBase64URL(token)?.count == 32)
    }
}
