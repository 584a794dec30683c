// SPDX-License-Identifier: GPL-3.0-or-later
// A misbehaving program for tst_sandbox: each mode does one thing a broken
// or hostile renderer might do. Plain C++, no Qt, so it starts under tight
// limits.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

namespace {

int usage()
{
    std::fprintf(stderr, "usage: sandbox_probe exit N | crash | hang | spin | alloc MiB | write MiB | spam MiB"
                         " | env | fds | ls | mode | fork-hang [MARKER] | make NAME | cat NAME | open PATH"
                         " | connect PORT | unshare-user | fill PATH MiB\n");
    return 2;
}

void sleepForever()
{
    for (;;)
        ::pause();
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const std::string mode = argv[1];
    const long n = argc > 2 ? std::atol(argv[2]) : 0;

    if (mode == "exit")
        return int(n);
    if (mode == "crash") {
        std::raise(SIGSEGV);
        return 0;
    }
    if (mode == "hang")
        sleepForever();
    if (mode == "spin") {
        volatile unsigned long x = 0;
        for (;;)
            x = x + 1;
    }
    if (mode == "alloc") {
        // Touch every page, like a renderer filling a huge image. Past
        // RLIMIT_AS `new` throws std::bad_alloc, which ends the program
        // with SIGABRT and the runtime's message on stderr.
        std::vector<char *> blocks;
        for (long mib = 0; mib < n; mib += 16) {
            char *block = new char[16 << 20];
            std::memset(block, 1, 16 << 20);
            blocks.push_back(block);
        }
        std::printf("allocated %ld MiB\n", n);
        return 0;
    }
    if (mode == "write") {
        FILE *f = std::fopen("big.bin", "wb");
        if (!f)
            return 3;
        std::vector<char> chunk(1 << 20, 'x');
        for (long i = 0; i < n; ++i) {
            if (std::fwrite(chunk.data(), 1, chunk.size(), f) != chunk.size())
                return 4;
            std::fflush(f);
        }
        std::fclose(f);
        std::printf("wrote %ld MiB\n", n);
        return 0;
    }
    if (mode == "spam") {
        std::vector<char> chunk(1 << 20, 'y');
        for (long i = 0; i < n; ++i)
            std::fwrite(chunk.data(), 1, chunk.size(), stdout);
        return 0;
    }
    if (mode == "env") {
        for (char **e = environ; *e; ++e)
            std::printf("%s\n", *e);
        char cwd[4096];
        if (::getcwd(cwd, sizeof cwd))
            std::printf("CWD=%s\n", cwd);
        return 0;
    }
    if (mode == "mode") {
        struct stat st{};
        ::stat(".", &st);
        std::printf("%o\n", unsigned(st.st_mode & 07777));
        return 0;
    }
    if (mode == "fds" || mode == "ls") {
        DIR *d = ::opendir(mode == "fds" ? "/proc/self/fd" : ".");
        if (!d)
            return 3;
        const int own = ::dirfd(d);
        while (dirent *e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name == "." || name == ".." || (mode == "fds" && std::atoi(name.c_str()) == own))
                continue;
            std::printf("%s\n", name.c_str());
        }
        ::closedir(d);
        return 0;
    }
    if (mode == "fork-hang") {
        // An optional MARKER argument only makes both processes findable
        // in the host's /proc by their command line.
        const pid_t child = ::fork();
        if (child == 0)
            sleepForever();
        std::printf("%d\n", int(child));
        std::fflush(stdout);
        sleepForever();
    }
    if (mode == "make" && argc > 2) {
        FILE *f = std::fopen(argv[2], "wb");
        if (!f)
            return 3;
        std::fputs("made in the sandbox\n", f);
        std::fclose(f);
        return 0;
    }
    if (mode == "cat" && argc > 2) {
        FILE *f = std::fopen(argv[2], "rb");
        if (!f)
            return 3;
        char buffer[4096];
        size_t got;
        while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0)
            std::fwrite(buffer, 1, got, stdout);
        std::fclose(f);
        return 0;
    }
    if (mode == "open" && argc > 2) {
        // Prints "opened" and the first line, or the reason it could not.
        FILE *f = std::fopen(argv[2], "rb");
        if (!f) {
            std::printf("%s\n", std::strerror(errno));
            return 3;
        }
        char line[256] = {};
        if (!std::fgets(line, sizeof line, f))
            line[0] = 0;
        std::fclose(f);
        std::printf("opened\n%s", line);
        return 0;
    }
    if (mode == "connect" && n > 0) {
        // A TCP connection to 127.0.0.1:PORT.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) {
            std::printf("%s\n", std::strerror(errno));
            return 3;
        }
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<unsigned short>(n));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
            std::printf("%s\n", std::strerror(errno));
            return 3;
        }
        ::close(fd);
        std::printf("connected\n");
        return 0;
    }
    if (mode == "fill" && argc > 3) {
        // Writes MiB mebibytes to PATH: 0 when all went, 4 when a write failed.
        FILE *f = std::fopen(argv[2], "wb");
        if (!f) {
            std::printf("%s\n", std::strerror(errno));
            return 3;
        }
        std::vector<char> chunk(1 << 20, 'z');
        for (long i = 0; i < std::atol(argv[3]); ++i) {
            if (std::fwrite(chunk.data(), 1, chunk.size(), f) != chunk.size() || std::fflush(f) != 0) {
                std::printf("%s\n", std::strerror(errno));
                return 4;
            }
        }
        std::fclose(f);
        std::printf("filled\n");
        return 0;
    }
    if (mode == "unshare-user") {
        // A user namespace of its own (where it would hold every capability).
        if (::unshare(CLONE_NEWUSER) != 0) {
            std::printf("%s\n", std::strerror(errno));
            return 3;
        }
        std::printf("unshared\n");
        return 0;
    }
    return usage();
}
