/* Wine 8 lacks bcryptprimitives.dll, whose ProcessPrng Rust's std calls for random bytes;
   this stand-in (tests under Wine only, never shipped) answers it with RtlGenRandom. */
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) { return RtlGenRandom(data, (ULONG)len); }
