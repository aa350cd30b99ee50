#ifndef QBBRIDGE_CLIBXML2_SHIM_H
#define QBBRIDGE_CLIBXML2_SHIM_H

/* libxml2 is built with ICU on Debian, so its headers pull in the system's <unicode/*.h>.
 * Foundation brings its own copy of ICU (_FoundationICU) whose UErrorCode differs, and a Swift file
 * that sees both fails to compile. QBBridge never touches libxml2's ICU converters, so the ICU part
 * of the headers is switched off here (it only adds two pointer fields to an encoding struct that
 * Swift code never accesses). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer, which Swift 6 treats as shared mutable state.
/// Calling it through an inline function keeps strict concurrency checking quiet and correct.
static inline void qbb_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// libxml2's "generic" error channel (encoding errors found while decoding input, for example) prints
/// to stderr, past the per-reader structured handlers QBBridge installs. Those errors also reach the
/// structured handler, so the generic copy is dropped: a server's stderr is for its own logs. The
/// handler is variadic, which Swift cannot write, hence this C helper.
static void qbb_ignoreGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void qbb_silenceGenericErrors(void) {
    /* The generic handler is per thread: set it here and as the default of threads created later. */
    xmlSetGenericErrorFunc(NULL, qbb_ignoreGenericError);
    xmlThrDefSetGenericErrorFunc(NULL, qbb_ignoreGenericError);
}

#endif
