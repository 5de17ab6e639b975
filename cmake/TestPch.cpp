// The one source of the test PCH targets (cmake/TrailguardTest.cmake): they exist to build the
// precompiled headers that the test executables reuse.
