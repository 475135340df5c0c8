// Providers import Emulation alone and get the HTTP types and the storage API with it.
@_exported import HTTPServer
@_exported import Storage
