#include "base/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

extern char** environ;

namespace cti {

namespace {

// Starts argv[0] (searched in PATH) in `cwd` with the three pipe ends as its stdin, stdout
// and stderr. posix_spawn, not fork: a fork copies the page tables of a process holding
// ten thousand records, and every later write to its memory faults again.
pid_t spawn(std::vector<char*>& args, const std::filesystem::path& cwd, int in, int out, int err) {
  posix_spawn_file_actions_t actions;
  if (posix_spawn_file_actions_init(&actions) != 0) return -1;
  bool ok = posix_spawn_file_actions_adddup2(&actions, in, 0) == 0 &&
            posix_spawn_file_actions_adddup2(&actions, out, 1) == 0 &&
            posix_spawn_file_actions_adddup2(&actions, err, 2) == 0 &&
            posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str()) == 0;
  pid_t pid = -1;
  if (ok && posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                          const std::string& input) {
  ProcessResult r;
  int in[2], out[2], err[2];  // close-on-exec: the child gets only its dup2'ed copies
  if (pipe2(in, O_CLOEXEC) != 0) return r;
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]);
    close(in[1]);
    return r;
  }
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(in[0]);
    close(in[1]);
    close(out[0]);
    close(out[1]);
    return r;
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = spawn(args, cwd, in[0], out[1], err[1]);
  if (pid < 0) {  // not found, not executable, or no such folder: as a child exiting 127 did
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    r.exit_code = -1;
    return r;
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  int in_fd = in[1];
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  bool out_open = true, err_open = true;
  char buf[65536];
  while (out_open || err_open) {
    pollfd fds[3];
    int n = 0;
    if (out_open) fds[n++] = {out[0], POLLIN, 0};
    if (err_open) fds[n++] = {err[0], POLLIN, 0};
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in_fd) {
        ssize_t w = write(in_fd, input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 || written == input.size()) {
          close(in_fd);
          in_fd = -1;
        }
      } else {
        ssize_t got = read(fds[i].fd, buf, sizeof buf);
        if (got > 0) {
          (fds[i].fd == out[0] ? r.out : r.err).append(buf, static_cast<std::size_t>(got));
        } else {
          if (fds[i].fd == out[0])
            out_open = false;
          else
            err_open = false;
        }
      }
    }
  }
  if (in_fd >= 0) close(in_fd);
  close(out[0]);
  close(err[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (r.exit_code == 127 && r.out.empty()) r.exit_code = -1;
  return r;
}

}  // namespace cti
