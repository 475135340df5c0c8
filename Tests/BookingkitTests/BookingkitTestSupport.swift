import Emulation
import Foundation
import TestSupport
import Testing
