// Function coverage in first-call order, for the release link's symbol ordering (see run.sh).
//
// Preloaded into `qbbridge serve` (LD_PRELOAD, with FNCOV_OUT naming the output file), it writes a
// breakpoint (int3) over the first byte of every function in the executable's .text, as listed in its
// symbol table. The first call of a function traps; the handler records the function, puts its first
// byte back and lets the call go on, so each function costs one trap and the server otherwise runs at
// full speed. The list is written every 2 s and at exit, one symbol name per line.
//
// Sampling profilers miss functions that run once (start-up); this sees every one. Profiling only.
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>

typedef struct {
    unsigned long address;
    const char *name;
    unsigned char firstByte;
    int called;
} Function;

static Function *functions;
static size_t functionCount;
static size_t *callOrder;
static size_t calledCount;
static const char *outputPath;
static unsigned long loadBias;
static pthread_mutex_t writeLock = PTHREAD_MUTEX_INITIALIZER;

static int byAddress(const void *a, const void *b) {
    unsigned long x = ((const Function *)a)->address, y = ((const Function *)b)->address;
    return x < y ? -1 : x > y;
}

static Function *functionAt(unsigned long address) {
    size_t low = 0, high = functionCount;
    while (low < high) {
        size_t middle = (low + high) / 2;
        if (functions[middle].address < address) low = middle + 1; else high = middle;
    }
    return (low < functionCount && functions[low].address == address) ? &functions[low] : NULL;
}

static void writeOrder(void) {
    pthread_mutex_lock(&writeLock);
    char temporary[4096];
    snprintf(temporary, sizeof temporary, "%s.partial", outputPath);
    FILE *file = fopen(temporary, "w");
    if (file) {
        size_t count = __atomic_load_n(&calledCount, __ATOMIC_ACQUIRE);
        for (size_t i = 0; i < count; i++) {
            size_t index = __atomic_load_n(&callOrder[i], __ATOMIC_ACQUIRE);
            if (index != SIZE_MAX) fprintf(file, "%s\n", functions[index].name);  // SIZE_MAX: slot not filled yet
        }
        fclose(file);
        rename(temporary, outputPath);
    }
    pthread_mutex_unlock(&writeLock);
}

static void onBreakpoint(int signal, siginfo_t *info, void *context) {
    (void)info;
    ucontext_t *user = context;
    unsigned long address = (unsigned long)user->uc_mcontext.gregs[REG_RIP] - 1;
    Function *function = functionAt(address);
    if (function == NULL) {  // not ours: a real breakpoint
        sigaction(signal, &(struct sigaction){.sa_handler = SIG_DFL}, NULL);
        return;
    }
    if (!__atomic_exchange_n(&function->called, 1, __ATOMIC_SEQ_CST)) {
        *(volatile unsigned char *)address = function->firstByte;
        size_t slot = __atomic_fetch_add(&calledCount, 1, __ATOMIC_SEQ_CST);
        __atomic_store_n(&callOrder[slot], (size_t)(function - functions), __ATOMIC_RELEASE);
    } else {
        // Another thread trapped on the same function first: wait until it has put the byte back.
        while (*(volatile unsigned char *)address == 0xCC) {}
    }
    user->uc_mcontext.gregs[REG_RIP] = (greg_t)address;
}

static void *writePeriodically(void *unused) {
    (void)unused;
    for (;;) { sleep(2); writeOrder(); }
    return NULL;
}

static int findExecutable(struct dl_phdr_info *info, size_t size, void *unused) {
    (void)size; (void)unused;
    if (info->dlpi_name == NULL || info->dlpi_name[0] == 0) { loadBias = info->dlpi_addr; return 1; }
    return 0;
}

__attribute__((constructor)) static void arm(void) {
    outputPath = getenv("FNCOV_OUT");
    if (outputPath == NULL) return;
    unsetenv("LD_PRELOAD");  // child processes are not traced
    int descriptor = open("/proc/self/exe", O_RDONLY);
    struct stat status;
    if (descriptor < 0 || fstat(descriptor, &status) != 0) { perror("fncov: /proc/self/exe"); return; }
    const unsigned char *image = mmap(NULL, (size_t)status.st_size, PROT_READ, MAP_PRIVATE, descriptor, 0);
    if (image == MAP_FAILED) { perror("fncov: mmap"); return; }
    const Elf64_Ehdr *header = (const Elf64_Ehdr *)image;
    const Elf64_Shdr *sections = (const Elf64_Shdr *)(image + header->e_shoff);
    const char *sectionNames = (const char *)image + sections[header->e_shstrndx].sh_offset;
    const Elf64_Shdr *symbolTable = NULL, *text = NULL;
    for (int i = 0; i < header->e_shnum; i++) {
        if (sections[i].sh_type == SHT_SYMTAB) symbolTable = &sections[i];
        if (strcmp(sectionNames + sections[i].sh_name, ".text") == 0) text = &sections[i];
    }
    if (symbolTable == NULL || text == NULL) { fprintf(stderr, "fncov: the executable has no .symtab or .text\n"); return; }
    dl_iterate_phdr(findExecutable, NULL);

    const char *names = (const char *)image + sections[symbolTable->sh_link].sh_offset;
    const Elf64_Sym *symbols = (const Elf64_Sym *)(image + symbolTable->sh_offset);
    size_t symbolCount = symbolTable->sh_size / sizeof(Elf64_Sym);
    functions = calloc(symbolCount, sizeof(Function));
    callOrder = malloc(symbolCount * sizeof(size_t));
    for (size_t i = 0; i < symbolCount; i++) callOrder[i] = SIZE_MAX;
    for (size_t i = 0; i < symbolCount; i++) {
        const Elf64_Sym *symbol = &symbols[i];
        if (ELF64_ST_TYPE(symbol->st_info) != STT_FUNC || symbol->st_size == 0) continue;
        if (symbol->st_value < text->sh_addr || symbol->st_value >= text->sh_addr + text->sh_size) continue;
        functions[functionCount++] = (Function){.address = loadBias + symbol->st_value, .name = names + symbol->st_name};
    }
    qsort(functions, functionCount, sizeof(Function), byAddress);
    size_t kept = 0;  // aliases share an address: one breakpoint, the first name
    for (size_t i = 0; i < functionCount; i++)
        if (kept == 0 || functions[kept - 1].address != functions[i].address) functions[kept++] = functions[i];
    functionCount = kept;

    struct sigaction action = {0};
    action.sa_sigaction = onBreakpoint;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGTRAP, &action, NULL);
    unsigned long start = (loadBias + text->sh_addr) & ~4095UL;
    unsigned long end = (loadBias + text->sh_addr + text->sh_size + 4095) & ~4095UL;
    if (mprotect((void *)start, end - start, PROT_READ | PROT_WRITE | PROT_EXEC) != 0) { perror("fncov: mprotect"); return; }
    for (size_t i = 0; i < functionCount; i++) functions[i].firstByte = *(unsigned char *)functions[i].address;
    for (size_t i = 0; i < functionCount; i++) *(unsigned char *)functions[i].address = 0xCC;
    fprintf(stderr, "fncov: %zu functions armed\n", functionCount);
    pthread_t writer;
    pthread_create(&writer, NULL, writePeriodically, NULL);
    atexit(writeOrder);
}
