/*
 * mcsweep-client: hands a command to the mcsweep daemon of this folder and environment without starting a JVM,
 * and relays its output and exit code, as the CLI's DaemonClient does (the protocol is the daemon's Wire class;
 * the identity is DaemonIdentity.current()). When no daemon takes the command, or anything about it is not
 * what this program can reproduce exactly (options that the JVM would read, non-ASCII text, another charset),
 * it execs the fallback: the JVM command line that the launcher would have run, which then decides as always.
 * So a wrong guess costs a millisecond, never a different result. Built and used by ./mcsweep when a daemon
 * serves the folder and a C compiler is present.
 *
 * Usage: mcsweep-client [--daemon-dir DIR] --class-path CP --args N -- JAVA JVM-OPTIONS... ARGS...
 *   CP    the JVM's java.class.path (part of the identity);
 *   N     how many of the last words of the fallback are the command's own arguments;
 *   DIR   the daemons' folder, as the JVM's -Dmcsweep.daemon.dir (tests); else as DaemonFiles.forUser.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum { VERSION = 1, MAX_STRING = 1 << 24, CANCEL_GRACE_SECONDS = 35, INTERNAL = 1 };

static char **fallback;

/* Not served: the JVM runs the command, exactly as it would have without this program. */
static void run_fallback(void) {
    execv(fallback[0], fallback);
    fprintf(stderr, "mcsweep: cannot run %s: %s\n", fallback[0], strerror(errno));
    exit(127);
}

/* A growable byte buffer; out of memory means not served. */
struct buf { char *p; size_t n, cap; };

static void put(struct buf *b, const void *s, size_t n) {
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 8192;
        while (cap < b->n + n) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) run_fallback();
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}
static void puts_(struct buf *b, const char *s) { put(b, s, strlen(s)); }
static void put_int(struct buf *b, uint32_t v) { /* DataOutputStream.writeInt: big-endian */
    unsigned char c[4] = { v >> 24, v >> 16, v >> 8, v };
    put(b, c, 4);
}
static void put_string(struct buf *b, const char *s, size_t n) { put_int(b, (uint32_t) n); put(b, s, n); }

/* Only what Java would decode to the same chars whatever the locale: its key hashes UTF-16 code units. */
static int ascii(const char *s) {
    for (; *s; s++) if ((unsigned char) *s >= 0x80) return 0;
    return 1;
}

/* DaemonClient.mayServe: a subcommand that does work, asked for neither help nor version, no --kernel-path. */
static int may_serve(int argc, char **argv) {
    static const char *served[] = { "sweep", "run", "estimate", "merge", "executors", "kernels", "slurm-script" };
    const char *command = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "-V") || !strcmp(a, "--version")) return 0;
        if (a[0] == '@' || !strncmp(a, "--kernel-path", 13)) return 0;
        if (!command && a[0] != '-') command = a;
    }
    if (!command) return 0;
    for (size_t i = 0; i < sizeof served / sizeof *served; i++) if (!strcmp(command, served[i])) return 1;
    return 0;
}

static int by_key(const void *a, const void *b) {
    const char *x = *(char *const *) a, *y = *(char *const *) b;
    size_t kx = strcspn(x, "="), ky = strcspn(y, "=");
    int c = memcmp(x, y, kx < ky ? kx : ky);
    return c ? c : (kx > ky) - (kx < ky);
}

/* DaemonIdentity.current(), byte for byte (ASCII only: see ascii()). */
static void identity(struct buf *b, const char *java, const char *class_path) {
    char cwd[PATH_MAX], home[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || !ascii(cwd)) run_fallback();
    // java.home: the launcher's own path resolved (the JDK's launcher reads /proc/self/exe), less /bin/java.
    if (!realpath(java, home)) run_fallback();
    size_t hn = strlen(home);
    if (hn < 9 || strcmp(home + hn - 9, "/bin/java") || !ascii(home)) run_fallback();
    home[hn - 9] = 0;
    puts_(b, "mcsweep-daemon 1\ncwd=");
    puts_(b, cwd);
    puts_(b, "\njava.home=");
    puts_(b, home);
    puts_(b, "\n");
    // String.split(":"): trailing empty entries dropped, unless the whole path is empty.
    size_t len = strlen(class_path);
    while (len > 0 && class_path[len - 1] == ':') len--;
    for (size_t from = 0;;) {
        size_t to = from;
        while (to < len && class_path[to] != ':') to++;
        char entry[PATH_MAX];
        if (to - from >= sizeof entry) run_fallback();
        memcpy(entry, class_path + from, to - from);
        entry[to - from] = 0;
        puts_(b, "classpath=");
        puts_(b, entry);
        struct stat st;
        if (stat(entry, &st) == 0) {
            char t[64]; // BasicFileAttributes: size, then lastModifiedTime().toMillis()
            snprintf(t, sizeof t, " %lld %lld", (long long) st.st_size,
                     (long long) st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000);
            puts_(b, t);
        } else {
            puts_(b, " ?");
        }
        puts_(b, "\n");
        if (to >= len) break;
        from = to + 1;
    }
    size_t n = 0;
    for (char **e = environ; *e; e++) n++;
    char **env = malloc((n + 1) * sizeof *env);
    if (!env) run_fallback();
    size_t m = 0;
    for (char **e = environ; *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e || !ascii(*e)) run_fallback(); // Java would skip or decode it differently
        size_t k = eq - *e;
        // DaemonIdentity.IGNORED
        if ((k == 1 && !strncmp(*e, "_", 1)) || (k == 6 && !strncmp(*e, "OLDPWD", 6))
                || (k == 5 && !strncmp(*e, "SHLVL", 5))
                || (k == 39 && !strncmp(*e, "HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET", 39))) continue;
        env[m++] = *e;
    }
    qsort(env, m, sizeof *env, by_key); // TreeMap: ASCII keys sort as Java's Strings do
    for (size_t i = 0; i < m; i++) {
        if (i > 0 && by_key(&env[i - 1], &env[i]) == 0) run_fallback(); // one of the two would win in Java
        puts_(b, "env ");
        put(b, env[i], strlen(env[i]) + 1); // with its NUL, as Java's '\0'
    }
    free(env);
}

/* DaemonFiles.problem() == null: a real folder of this user's that no one else can write to. */
static int safe(const char *folder) {
    struct stat st;
    return lstat(folder, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid()
           && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

static int sock = -1;
static volatile sig_atomic_t signalled;

/* As the JVM client's shutdown hook: ask the daemon to cancel, then go on relaying until the command stops. */
static void on_signal(int sig) {
    if (!signalled) {
        signalled = sig;
        static const char cancel = 'C';
        ssize_t ignored = write(sock, &cancel, 1);
        (void) ignored;
    }
}

static unsigned char in[1 << 16];
static size_t in_pos, in_len;
static time_t deadline;

/* Fills the input buffer; 0 at end of stream, -1 on error; after a signal, gives up at the grace deadline. */
static int fill(void) {
    for (;;) {
        if (signalled) {
            if (!deadline) deadline = time(NULL) + CANCEL_GRACE_SECONDS;
            long left = (long) (deadline - time(NULL));
            struct pollfd p = { sock, POLLIN, 0 };
            if (left <= 0 || poll(&p, 1, (int) (left * 1000)) == 0) exit(128 + signalled);
        }
        ssize_t r = read(sock, in, sizeof in);
        if (r > 0) {
            in_pos = 0;
            in_len = (size_t) r;
            return 1;
        }
        if (r == 0) return 0;
        if (errno != EINTR) return -1;
    }
}

static int read_fully(void *to, size_t n) {
    unsigned char *p = to;
    while (n > 0) {
        if (in_pos == in_len) {
            int f = fill();
            if (f <= 0) return f;
        }
        size_t k = in_len - in_pos < n ? in_len - in_pos : n;
        memcpy(p, in + in_pos, k);
        in_pos += k;
        p += k;
        n -= k;
    }
    return 1;
}

static void write_all(int fd, const unsigned char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return; // as a PrintStream: a closed stdout is not the command's failure
        p += w;
        n -= (size_t) w;
    }
}

/* The stream ended before the exit code: the JVM's client says the same (DaemonClient.relay). */
static int ended(const char *log) {
    fprintf(stderr, "mcsweep: the daemon ended before the command did (its log: %s); run the command"
            " again, with --resume for a sweep to keep what finished\n", log);
    return INTERNAL;
}

/* The frames after ACCEPTED (DaemonClient.relay): output chunks, then the exit code. */
static int relay(const char *log) {
    static unsigned char chunk[1 << 16];
    for (;;) {
        unsigned char head[5];
        int r = read_fully(head, 1);
        if (r > 0 && head[0] == 'X') r = read_fully(head + 1, 4);
        else if (r > 0 && (head[0] == 'O' || head[0] == 'E')) r = read_fully(head + 1, 4);
        else if (r > 0) {
            fprintf(stderr, "mcsweep: lost the daemon running the command (unexpected frame %d; its log: %s)\n",
                    (signed char) head[0], log);
            return INTERNAL;
        }
        if (r == 0) {
            return ended(log);
        }
        if (r < 0) {
            fprintf(stderr, "mcsweep: lost the daemon running the command (%s; its log: %s)\n", strerror(errno), log);
            return INTERNAL;
        }
        int32_t v = (int32_t) ((uint32_t) head[1] << 24 | (uint32_t) head[2] << 16 | (uint32_t) head[3] << 8 | head[4]);
        if (head[0] == 'X') return signalled ? 128 + signalled : v; // a signalled JVM exits with 128 + signal
        if (v < 0 || v > MAX_STRING) {
            fprintf(stderr, "mcsweep: lost the daemon running the command (bad length %d; its log: %s)\n", v, log);
            return INTERNAL;
        }
        for (size_t left = (size_t) v; left > 0;) {
            size_t k = left < sizeof chunk ? left : sizeof chunk;
            r = read_fully(chunk, k);
            if (r <= 0) {
                return ended(log);
            }
            write_all(head[0] == 'O' ? 1 : 2, chunk, k);
            left -= k;
        }
    }
}

int main(int argc, char **argv) {
    const char *dir = NULL, *class_path = NULL;
    long nargs = -1;
    int i = 1, dashes = 0;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--")) { i++; dashes = 1; break; }
        if (i + 1 >= argc) break;
        if (!strcmp(argv[i], "--daemon-dir")) dir = argv[++i];
        else if (!strcmp(argv[i], "--class-path")) class_path = argv[++i];
        else if (!strcmp(argv[i], "--args")) nargs = strtol(argv[++i], NULL, 10);
        else break;
    }
    if (!dashes || i >= argc || !class_path || nargs < 0 || nargs > argc - i - 1) {
        fprintf(stderr, "usage: mcsweep-client [--daemon-dir DIR] --class-path CP --args N -- JAVA OPTIONS... ARGS...\n");
        return 2;
    }
    fallback = argv + i;
    char **args = argv + argc - nargs;
    int n = (int) nargs;

    const char *off = getenv("MCSWEEP_DAEMON");
    if ((off && !strcmp(off, "off")) || !may_serve(n, args)) run_fallback();
    // Options a JVM reads from the environment may change what it would send (its charset, the daemons' folder).
    const char *jvm_env[] = { "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "MCSWEEP_JAVA_OPTS" };
    for (size_t k = 0; k < sizeof jvm_env / sizeof *jvm_env; k++) {
        const char *v = getenv(jvm_env[k]);
        if (v && *v) run_fallback();
    }
    for (int k = 0; k < n; k++) if (!ascii(args[k])) run_fallback();
    // System.out's charset, as the JVM takes it from the locale.
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET), *charset;
    if (!strcmp(codeset, "UTF-8")) charset = "UTF-8";
    else if (!strcmp(codeset, "ANSI_X3.4-1968")) charset = "US-ASCII";
    else run_fallback();

    char folder[PATH_MAX];
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    struct stat st;
    if (dir && *dir) snprintf(folder, sizeof folder, "%s", dir);
    else if (runtime && *runtime && stat(runtime, &st) == 0 && S_ISDIR(st.st_mode))
        snprintf(folder, sizeof folder, "%s/mcsweep", runtime);
    else {
        struct passwd *pw = getpwuid(getuid());
        if (!pw) run_fallback();
        snprintf(folder, sizeof folder, "/tmp/mcsweep-%s", pw->pw_name);
    }
    if (!safe(folder)) run_fallback();

    struct buf id = { 0 };
    identity(&id, fallback[0], class_path);
    uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a over the text's chars (all ASCII here)
    for (size_t k = 0; k < id.n; k++) h = (h ^ (unsigned char) id.p[k]) * 0x100000001b3ULL;
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    char log[PATH_MAX + 32];
    if ((size_t) snprintf(addr.sun_path, sizeof addr.sun_path, "%s/%016llx.sock", folder, (unsigned long long) h)
            >= sizeof addr.sun_path) run_fallback();
    snprintf(log, sizeof log, "%s/%016llx.log", folder, (unsigned long long) h);
    sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0 || connect(sock, (struct sockaddr *) &addr, sizeof addr) != 0) run_fallback();

    struct buf req = { 0 };
    put(&req, "R", 1);
    put_int(&req, VERSION);
    put_string(&req, id.p, id.n);
    put_int(&req, (uint32_t) n);
    for (int k = 0; k < n; k++) put_string(&req, args[k], strlen(args[k]));
    put_string(&req, charset, strlen(charset));
    // Terminal.ownStderrIsTerminal
    char tty[PATH_MAX];
    ssize_t tl = readlink("/proc/self/fd/2", tty, sizeof tty - 1);
    tty[tl < 0 ? 0 : tl] = 0;
    const char *term = getenv("TERM");
    int terminal = !(term && !strcmp(term, "dumb")) && tl > 0
            && (!strncmp(tty, "/dev/pts/", 9) || !strncmp(tty, "/dev/tty", 8) || !strcmp(tty, "/dev/console"));
    put(&req, terminal ? "\1" : "\0", 1);
    for (size_t off2 = 0; off2 < req.n;) {
        ssize_t w = send(sock, req.p + off2, req.n - off2, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) { close(sock); run_fallback(); }
        off2 += (size_t) w;
    }
    unsigned char answer;
    if (read_fully(&answer, 1) <= 0 || answer != 'A') {
        close(sock); // FALLBACK (busy, warming up, stopping, another identity) or gone: nothing ran
        run_fallback();
    }
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa = { .sa_handler = on_signal };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL); // the signals on which a JVM runs its shutdown hooks
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    return relay(log);
}
