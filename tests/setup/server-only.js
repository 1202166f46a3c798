// Empty stand-in for the server-only package under jest (see jest.config.js).
