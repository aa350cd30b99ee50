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

#endif
