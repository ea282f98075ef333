"""Throwaway WordPress servers for the tests and for trying TinXa by hand.

A server is Debian's WordPress on MariaDB, served by PHP's built-in web server
on 127.0.0.1. Everything it writes lives in one directory: the database files
and its unix socket (the database has no TCP port), a copy of WordPress with
its own wp-config.php, the logs, and info.json with the URL and the accounts.

Command line, run from the repository root:

    python -m tests.wpserver install                     # as root
    python -m tests.wpserver start --dir DIR [--port N]
    python -m tests.wpserver reset --dir DIR
    python -m tests.wpserver stop --dir DIR
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

DEBIAN_PACKAGES = (
    "wordpress",
    "php-cli",
    "php-mysql",
    "php-mbstring",
    "php-xml",
    "php-curl",
    "php-gd",
    "php-imagick",
    "mariadb-server",
)
INSTALL_COMMAND = "python -m tests.wpserver install"

WORDPRESS_SOURCE = Path("/usr/share/wordpress")
PHP_HELPERS = Path(__file__).resolve().parent / "wpserver_php"
COMPANION_PLUGIN = (
    Path(__file__).resolve().parents[1] / "resources" / "wordpress" / "tinxa-companion"
)
COMPANION_PLUGIN_FILE = "tinxa-companion/tinxa-companion.php"

HOST = "127.0.0.1"
HTTP_WORKERS = 4
# Phone photos are 5-12 MB each, and scanned PDFs can be larger.
UPLOAD_MAX_FILESIZE = "128M"
POST_MAX_SIZE = "136M"
PHP_MEMORY_LIMIT = "256M"

DATABASE = "wordpress"
SNAPSHOT_DATABASE = "wordpress_snapshot"
# Linux limits a unix socket path to 107 bytes: sun_path has 108 with the final NUL.
MAX_SOCKET_PATH_BYTES = 107

START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
DATABASE_STOP_TIMEOUT = 30.0
POLL_INTERVAL = 0.02

SITE_TITLE = "Trang thông tin điện tử xã Tân Thành"


class WordPressServerError(RuntimeError):
    """A test WordPress server could not be installed, started, reset or stopped."""


# --- Accounts and categories -------------------------------------------------


@dataclass(frozen=True)
class AccountPreset:
    """An account that every test server has, before its ids and passwords exist."""

    role: str
    username: str
    first_name: str
    last_name: str

    @property
    def display_name(self) -> str:
        # Vietnamese names put the family name first.
        return f"{self.last_name} {self.first_name}"

    @property
    def email(self) -> str:
        # .test is a reserved top-level domain, and the site sends no mail anyway.
        return f"{self.username}@tinxa.test"


ACCOUNT_PRESETS = (
    AccountPreset("administrator", "admin", "Văn Minh", "Trần"),
    AccountPreset("editor", "editor", "Thị Lan", "Lê"),
    AccountPreset("author", "author", "Quốc Bảo", "Phạm"),
    AccountPreset("contributor", "contributor", "Thị Hoa", "Nguyễn"),
)

# Name and slug of each commune category that every test server has.
CATEGORY_PRESETS = (
    ("Tin tức", "tin-tuc"),
    ("Văn bản", "van-ban"),
    ("Thông báo", "thong-bao"),
    ("Lịch công tác", "lich-cong-tac"),
    ("Hỏi đáp", "hoi-dap"),
)


@dataclass(frozen=True)
class Account:
    """A WordPress user of the test server and its credentials."""

    role: str
    username: str
    user_id: int
    display_name: str
    email: str
    # Login password for wp-login.php. The REST API rejects it over Basic auth.
    password: str
    # Application Password for the REST API, without the spaces that
    # wp-admin shows. WordPress accepts it with or without them.
    application_password: str


@dataclass(frozen=True)
class WordPressInfo:
    """URL, accounts and categories of a running test server."""

    base_url: str  # "http://127.0.0.1:PORT", without a trailing slash
    accounts: dict[str, Account]  # by role: administrator, editor, ...
    categories: dict[str, int]  # preset category name to term id
    directory: str

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1])

    @property
    def rest_url(self) -> str:
        return f"{self.base_url}/wp-json/"

    @property
    def admin_url(self) -> str:
        return f"{self.base_url}/wp-admin/"

    @property
    def admin(self) -> Account:
        return self.accounts["administrator"]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> WordPressInfo:
        fields = json.loads(text)
        fields["accounts"] = {
            role: Account(**account) for role, account in fields["accounts"].items()
        }
        return cls(**fields)


# --- Debian packages ----------------------------------------------------------


def missing_packages() -> list[str]:
    """Return the packages of DEBIAN_PACKAGES that dpkg lists as not installed."""
    try:
        completed = subprocess.run(
            [
                "dpkg-query",
                "--show",
                "--showformat=${Package} ${db:Status-Status}\\n",
                *DEBIAN_PACKAGES,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        return list(DEBIAN_PACKAGES)

    installed = set()
    for line in completed.stdout.splitlines():
        package, _, status = line.partition(" ")
        if status == "installed":
            installed.add(package)
    return [package for package in DEBIAN_PACKAGES if package not in installed]


def install_debian_packages() -> None:
    """Install DEBIAN_PACKAGES with apt-get, unless all of them are installed.

    Raises WordPressServerError when not run as root or when apt-get fails.
    """
    missing = missing_packages()
    if not missing:
        log.info("All %d Debian packages are already installed", len(DEBIAN_PACKAGES))
        return
    if os.geteuid() != 0:
        raise WordPressServerError(
            f"Installing {', '.join(missing)} needs root: "
            f"run `{INSTALL_COMMAND}` as root."
        )

    log.info("Installing the missing Debian packages: %s", " ".join(missing))
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    commands = [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", *DEBIAN_PACKAGES],
    ]
    for command in commands:
        completed = subprocess.run(command, env=environment, check=False)
        if completed.returncode != 0:
            raise WordPressServerError(
                f"`{' '.join(command)}` failed with exit status {completed.returncode}."
            )


def _require_packages() -> None:
    missing = missing_packages()
    if missing:
        raise WordPressServerError(
            "The WordPress test server needs the Debian packages "
            f"{', '.join(missing)}, which are not installed. Install them as root "
            f"from the repository root with `{INSTALL_COMMAND}`."
        )


# --- Processes ------------------------------------------------------------------


@dataclass(frozen=True)
class ProcessRecord:
    """A process that a server started.

    The start time distinguishes the process from a later one that reuses
    its pid, so a stop never signals a process that the server did not start.
    """

    pid: int
    start_time: int  # clock ticks after boot: field 22 of /proc/PID/stat
    name: str  # "mariadbd", "php master" or "php worker"


def _read_proc_stat(pid: int) -> tuple[str, int, int] | None:
    """Return the state, parent pid and start time of a process, or None if gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None

    # The command name comes in parentheses and may contain spaces and
    # parentheses itself, so the fields after it are split from the last ")".
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[19])


def record_process(pid: int, name: str) -> ProcessRecord:
    """Return a record of a running process that can be checked and stopped later."""
    stat = _read_proc_stat(pid)
    if stat is None:
        raise WordPressServerError(
            f"Process {pid} ({name}) exited before it was recorded."
        )
    return ProcessRecord(pid=pid, start_time=stat[2], name=name)


def is_running(record: ProcessRecord) -> bool:
    """Return whether the recorded process still runs.

    A zombie counts as stopped because it has closed its sockets. It keeps
    its /proc entry until its parent reaps it, and the parent of an orphaned
    php worker may never do so.
    """
    stat = _read_proc_stat(record.pid)
    if stat is None:
        return False
    state, _, start_time = stat
    return start_time == record.start_time and state not in ("Z", "X")


def _child_pids(parent_pid: int) -> list[int]:
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        stat = _read_proc_stat(int(entry))
        if stat is not None and stat[1] == parent_pid and stat[0] not in ("Z", "X"):
            children.append(int(entry))
    return sorted(children)


def _poll(condition: Callable[[], bool], timeout: float) -> bool:
    """Return whether the condition became true within timeout seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(POLL_INTERVAL)
    return True


def _wait_until(
    condition: Callable[[], bool], timeout: float, description: str
) -> None:
    if not _poll(condition, timeout):
        raise WordPressServerError(
            f"Timed out after {timeout:.0f} s waiting for {description}."
        )


def terminate_processes(records: Iterable[ProcessRecord], timeout: float) -> None:
    """Send SIGTERM to each recorded process that runs, and SIGKILL after timeout.

    Raises WordPressServerError if a process still runs after SIGKILL.
    """
    records = list(records)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        running = [record for record in records if is_running(record)]
        if not running:
            return
        for record in running:
            log.debug("Sending %s to %s (pid %d)", sig.name, record.name, record.pid)
            try:
                os.kill(record.pid, sig)
            except ProcessLookupError:
                pass
        if _poll(lambda: not any(map(is_running, running)), timeout):
            return
        log.warning("%s did not stop %s within %.0f s", sig.name, running, timeout)

    raise WordPressServerError(
        f"Could not stop processes: {[r for r in records if is_running(r)]}"
    )


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return f"({path} does not exist)"


def _php_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def find_free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _port_accepts(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def _http_get_json(url: str) -> object:
    # An empty ProxyHandler keeps http_proxy and similar variables from
    # sending the request anywhere but the test server.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=START_TIMEOUT) as response:
        return json.loads(response.read())


# --- The server ---------------------------------------------------------------


class WordPressServer:
    """A throwaway WordPress with its database, all kept in one directory.

    ``start()`` installs WordPress into an empty directory, or starts the
    installation that the directory already contains, keeping its data.
    With ``detached=True`` the processes get their own session, so they go
    on running after the Python process that started them exits, and
    ``WordPressServer(directory).stop()`` from another process stops them.
    """

    def __init__(
        self, directory: Path | str, port: int | None = None, *, detached: bool = False
    ) -> None:
        self.directory = Path(directory).resolve()
        self._requested_port = port
        self._detached = detached
        self._info: WordPressInfo | None = None
        self._database: list[ProcessRecord] = []
        self._http: list[ProcessRecord] = []
        # Children of this Python process, waited for after they stop so
        # that they do not stay zombies.
        self._children: dict[int, subprocess.Popen] = {}
        self._snapshot_tables: list[str] | None = None
        self._load_process_records()

    # Paths inside the directory.

    @property
    def database_dir(self) -> Path:
        return self.directory / "mysql"

    @property
    def socket_path(self) -> Path:
        return self.directory / "mysql.sock"

    @property
    def wordpress_dir(self) -> Path:
        return self.directory / "wordpress"

    @property
    def uploads_dir(self) -> Path:
        return self.wordpress_dir / "wp-content" / "uploads"

    @property
    def logs_dir(self) -> Path:
        return self.directory / "logs"

    @property
    def info_path(self) -> Path:
        return self.directory / "info.json"

    @property
    def processes_path(self) -> Path:
        return self.directory / "processes.json"

    # State.

    @property
    def info(self) -> WordPressInfo:
        """URL, accounts and categories. Raises WordPressServerError before install."""
        if self._info is None:
            if not self.info_path.exists():
                raise WordPressServerError(
                    f"No WordPress is installed in {self.directory}: start it first."
                )
            self._info = WordPressInfo.from_json(self.info_path.read_text())
        return self._info

    @property
    def database_running(self) -> bool:
        return bool(self._database) and all(map(is_running, self._database))

    @property
    def http_running(self) -> bool:
        return bool(self._http) and any(map(is_running, self._http))

    @property
    def processes(self) -> list[ProcessRecord]:
        """Records of the processes that the server started and has not stopped.

        The database comes first, then the PHP master and its workers.
        """
        return [*self._database, *self._http]

    # Starting and stopping.

    def start(self) -> WordPressInfo:
        """Install WordPress unless the directory has it, start it, and return its info.

        Raises WordPressServerError if packages are missing, if the server
        already runs, or if a step fails. Whatever had started is stopped
        again before the error is raised.
        """
        _require_packages()
        if any(map(is_running, self.processes)):
            raise WordPressServerError(
                f"A WordPress server from {self.directory} is already running: "
                "stop it first with "
                f"`python -m tests.wpserver stop --dir {self.directory}`."
            )
        self._check_socket_path()

        started = time.monotonic()
        try:
            if self.info_path.exists():
                self._restart_installation()
            else:
                self._install()
            self.start_http()
        except BaseException:
            self.stop()
            raise

        log.info(
            "WordPress ready at %s in %.1f s",
            self.info.base_url,
            time.monotonic() - started,
        )
        return self.info

    def stop(self) -> None:
        """Stop the web server and the database. Does nothing when neither runs."""
        self.stop_http()
        if self._database:
            # mariadbd shuts down cleanly on SIGTERM.
            terminate_processes(self._database, DATABASE_STOP_TIMEOUT)
            self._reap(self._database)
            log.info("Stopped the database of %s", self.directory)
            self._database = []
        self._save_process_records()

    def start_http(self) -> None:
        """Start the web server on the port in info, for example after stop_http().

        Raises WordPressServerError if the port is taken or the site does not
        respond with the companion plugin's info. The web server is stopped
        again before the error is raised.
        """
        if self.http_running:
            return
        if not self.database_running:
            raise WordPressServerError(
                f"The database of {self.directory} does not run: "
                "start the whole server instead."
            )

        process = self._launch_php_server()
        try:
            self._record_php_workers(process)
            self._check_site_responds()
        except BaseException:
            self.stop_http()
            raise

    def _launch_php_server(self) -> subprocess.Popen:
        self.logs_dir.mkdir(exist_ok=True)
        with open(self.logs_dir / "php-server.log", "ab") as log_file:
            process = subprocess.Popen(
                [
                    "php",
                    *self._php_settings(),
                    "-S",
                    f"{HOST}:{self.info.port}",
                    "-t",
                    str(self.wordpress_dir),
                    str(PHP_HELPERS / "router.php"),
                ],
                cwd=self.wordpress_dir,
                env={**os.environ, "PHP_CLI_SERVER_WORKERS": str(HTTP_WORKERS)},
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=self._detached,
            )
        self._children[process.pid] = process
        self._http = [record_process(process.pid, "php master")]
        self._save_process_records()
        return process

    def _record_php_workers(self, process: subprocess.Popen) -> None:
        port = self.info.port
        log_path = self.logs_dir / "php-server.log"

        def listening() -> bool:
            if process.poll() is not None:
                raise WordPressServerError(
                    f"The PHP web server on port {port} exited with status "
                    f"{process.returncode}. If another process uses the port, "
                    f"choose another port. The end of {log_path}:\n{_tail(log_path)}"
                )
            return len(_child_pids(process.pid)) == HTTP_WORKERS and _port_accepts(port)

        _wait_until(listening, START_TIMEOUT, f"the PHP web server on port {port}")

        # The master serves requests too, so the master and every worker must
        # be stopped to free the port.
        workers = [
            record_process(pid, "php worker") for pid in _child_pids(process.pid)
        ]
        self._http.extend(workers)
        self._save_process_records()
        log.info(
            "Started the PHP web server on port %d: master pid %d, worker pids %s",
            port,
            process.pid,
            [worker.pid for worker in workers],
        )

    def stop_http(self) -> None:
        """Stop the web server and each of its workers, and keep the database running.

        When this returns, connections to the port are refused.
        """
        if not self._http:
            return
        master_pid = self._http[0].pid
        # A worker started after the records were taken would keep the port open.
        known = {record.pid for record in self._http}
        for pid in _child_pids(master_pid):
            if pid not in known:
                self._http.append(record_process(pid, "php worker"))

        terminate_processes(self._http, STOP_TIMEOUT)
        self._reap(self._http)
        log.info("Stopped the PHP web server of %s", self.directory)
        self._http = []
        self._save_process_records()

    def reset(self) -> None:
        """Restore the data that the server had right after install.

        Deletes every post of every status and type, media files, comments,
        tags, categories other than the presets, and users other than the
        preset accounts. The preset accounts keep their ids and passwords,
        Application Passwords included, and the preset categories keep
        their ids. Settings go back to their installed values. Ids are not
        reused: the next post gets a higher id than any before the reset.
        """
        if not self.database_running:
            raise WordPressServerError(
                f"The database of {self.directory} does not run: "
                "start the server first."
            )

        started = time.monotonic()
        statements = ["SET autocommit = 0;"]
        for table in self._list_snapshot_tables():
            statements.append(f"DELETE FROM `{DATABASE}`.`{table}`;")
            statements.append(
                f"INSERT INTO `{DATABASE}`.`{table}` "
                f"SELECT * FROM `{SNAPSHOT_DATABASE}`.`{table}`;"
            )
        statements.append("COMMIT;")
        self._run_sql("\n".join(statements))

        shutil.rmtree(self.uploads_dir, ignore_errors=True)
        self.uploads_dir.mkdir()
        log.info("Reset %s in %.3f s", self.directory, time.monotonic() - started)

    # Installing.

    def _install(self) -> None:
        log.info("Installing WordPress into %s", self.directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        if any(self.directory.iterdir()):
            raise WordPressServerError(
                f"{self.directory} is not empty and has no info.json: "
                "give an empty or a new directory."
            )
        for subdirectory in (self.logs_dir, self.directory / "tmp"):
            subdirectory.mkdir()

        # Copying WordPress and preparing the database run side by side.
        # Debian's tree links some scripts by relative symlinks that would
        # dangle in a copy, and its wp-config.php reads /etc/wordpress, so
        # the copy resolves every symlink and gets its own wp-config.php.
        copy = subprocess.Popen(
            ["cp", "-aL", str(WORDPRESS_SOURCE), str(self.wordpress_dir)],
            stdin=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            self._install_database()
            self._start_database()
            self._run_sql(
                f"CREATE DATABASE `{DATABASE}` "
                "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
            )
        finally:
            _, copy_errors = copy.communicate()
        if copy.returncode != 0:
            raise WordPressServerError(
                f"Copying {WORDPRESS_SOURCE} failed: "
                f"{copy_errors.decode(errors='replace')}"
            )

        port = self._requested_port or find_free_port()
        base_url = f"http://{HOST}:{port}"
        self._write_wp_config(base_url)
        self._add_plugins()
        accounts, categories = self._run_install_script(base_url)
        self._take_snapshot()

        self._info = WordPressInfo(
            base_url=base_url,
            accounts=accounts,
            categories=categories,
            directory=str(self.directory),
        )
        self._save_info()

    def _restart_installation(self) -> None:
        log.info("Starting the WordPress installed in %s", self.directory)
        self._start_database()
        if self._requested_port and self._requested_port != self.info.port:
            # NOTE: URLs that WordPress wrote into post content keep the old port.
            base_url = f"http://{HOST}:{self._requested_port}"
            self._info = dataclasses.replace(self.info, base_url=base_url)
            self._save_info()
        # The configuration is written again because it contains the URL.
        self._write_wp_config(self.info.base_url)

    def _install_database(self) -> None:
        self._run_logged(
            [
                "mariadb-install-db",
                "--no-defaults",
                f"--datadir={self.database_dir}",
                f"--user={_user_name()}",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--innodb-log-file-size=8M",
            ],
            self.logs_dir / "mariadb-install-db.log",
        )

    def _start_database(self) -> None:
        self.logs_dir.mkdir(exist_ok=True)
        (self.directory / "tmp").mkdir(exist_ok=True)
        self.socket_path.unlink(missing_ok=True)
        log_path = self.logs_dir / "mariadb.log"
        process = subprocess.Popen(
            [
                _find_program("mariadbd"),
                "--no-defaults",
                f"--datadir={self.database_dir}",
                f"--socket={self.socket_path}",
                "--skip-networking",
                f"--user={_user_name()}",
                f"--log-error={log_path}",
                f"--pid-file={self.directory / 'mariadbd.pid'}",
                f"--tmpdir={self.directory / 'tmp'}",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_520_ci",
                "--innodb-log-file-size=8M",
                "--innodb-buffer-pool-size=64M",
                # Test data need not survive a power cut, so InnoDB may skip
                # flushing to disk at every commit.
                "--innodb-flush-log-at-trx-commit=0",
                "--innodb-doublewrite=0",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=self._detached,
        )
        self._children[process.pid] = process
        self._database = [record_process(process.pid, "mariadbd")]
        self._save_process_records()

        def accepting() -> bool:
            if process.poll() is not None:
                raise WordPressServerError(
                    f"mariadbd exited with status {process.returncode}. "
                    f"The end of {log_path}:\n{_tail(log_path)}"
                )
            return self._socket_accepts()

        _wait_until(accepting, START_TIMEOUT, f"mariadbd on {self.socket_path}")
        log.info("Started mariadbd (pid %d) on %s", process.pid, self.socket_path)

    def _socket_accepts(self) -> bool:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(str(self.socket_path))
                return True
            except OSError:
                return False

    def _write_wp_config(self, base_url: str) -> None:
        settings = {
            "DB_NAME": DATABASE,
            "DB_USER": "root",
            "DB_PASSWORD": "",
            "DB_HOST": f"localhost:{self.socket_path}",
            "DB_CHARSET": "utf8mb4",
            "DB_COLLATE": "",
            "WP_HOME": base_url,
            "WP_SITEURL": base_url,
        }
        # New salts at every start sign out wp-admin sessions. Application
        # Passwords are hashed without the salts, so they keep working.
        for key in ("AUTH", "SECURE_AUTH", "LOGGED_IN", "NONCE"):
            settings[f"{key}_KEY"] = secrets.token_urlsafe(48)
            settings[f"{key}_SALT"] = secrets.token_urlsafe(48)

        lines = [
            "<?php",
            "// Written by tests/wpserver.py at every start of this test site.",
        ]
        lines += [
            f"define( '{name}', {_php_string(value)} );"
            for name, value in settings.items()
        ]
        lines += [
            "$table_prefix = 'wp_';",
            "",
            "// Application Passwords need HTTPS unless the environment type is local.",
            "define( 'WP_ENVIRONMENT_TYPE', 'local' );",
            "// Blocks HTTP requests to other hosts, but not to the site itself.",
            "define( 'WP_HTTP_BLOCK_EXTERNAL', true );",
            "define( 'DISABLE_WP_CRON', true );",
            "define( 'AUTOMATIC_UPDATER_DISABLED', true );",
            "define( 'WP_AUTO_UPDATE_CORE', false );",
            "define( 'WP_DEBUG', false );",
            f"define( 'WP_MEMORY_LIMIT', '{PHP_MEMORY_LIMIT}' );",
            "",
            "if ( ! defined( 'ABSPATH' ) ) {",
            "\tdefine( 'ABSPATH', __DIR__ . '/' );",
            "}",
            "require_once ABSPATH . 'wp-settings.php';",
        ]
        (self.wordpress_dir / "wp-config.php").write_text("\n".join(lines) + "\n")

    def _add_plugins(self) -> None:
        content = self.wordpress_dir / "wp-content"
        (content / "mu-plugins").mkdir(exist_ok=True)
        shutil.copy(PHP_HELPERS / "tinxa-test-site.php", content / "mu-plugins")
        shutil.copytree(COMPANION_PLUGIN, content / "plugins" / COMPANION_PLUGIN.name)
        self.uploads_dir.mkdir(exist_ok=True)

    def _run_install_script(
        self, base_url: str
    ) -> tuple[dict[str, Account], dict[str, int]]:
        passwords = {
            preset.role: secrets.token_urlsafe(12) for preset in ACCOUNT_PRESETS
        }
        request = {
            "wordpress_dir": str(self.wordpress_dir),
            "base_url": base_url,
            "title": SITE_TITLE,
            "accounts": [
                {
                    "role": preset.role,
                    "username": preset.username,
                    "password": passwords[preset.role],
                    "email": preset.email,
                    "display_name": preset.display_name,
                    "first_name": preset.first_name,
                    "last_name": preset.last_name,
                }
                for preset in ACCOUNT_PRESETS
            ],
            "categories": [
                {"name": name, "slug": slug} for name, slug in CATEGORY_PRESETS
            ],
            "plugins": [COMPANION_PLUGIN_FILE],
        }
        completed = subprocess.run(
            ["php", *self._php_settings(), str(PHP_HELPERS / "install.php")],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise WordPressServerError(
                f"Installing WordPress failed with exit status {completed.returncode}: "
                f"{completed.stderr.strip()}\nThe end of the PHP error log:\n"
                f"{_tail(self.logs_dir / 'php-errors.log')}"
            )
        result = json.loads(completed.stdout)

        accounts = {}
        for preset in ACCOUNT_PRESETS:
            created = result["accounts"][preset.role]
            accounts[preset.role] = Account(
                role=preset.role,
                username=preset.username,
                user_id=created["user_id"],
                display_name=preset.display_name,
                email=preset.email,
                password=passwords[preset.role],
                application_password=created["application_password"],
            )
        return accounts, result["categories"]

    def _take_snapshot(self) -> None:
        tables = self._run_sql("SHOW TABLES", database=DATABASE).split()
        statements = [f"CREATE DATABASE `{SNAPSHOT_DATABASE}`;"]
        for table in tables:
            statements.append(
                f"CREATE TABLE `{SNAPSHOT_DATABASE}`.`{table}` "
                f"LIKE `{DATABASE}`.`{table}`;"
            )
            statements.append(
                f"INSERT INTO `{SNAPSHOT_DATABASE}`.`{table}` "
                f"SELECT * FROM `{DATABASE}`.`{table}`;"
            )
        self._run_sql("\n".join(statements))
        self._snapshot_tables = tables

    def _list_snapshot_tables(self) -> list[str]:
        if self._snapshot_tables is None:
            output = self._run_sql(f"SHOW TABLES FROM `{SNAPSHOT_DATABASE}`")
            self._snapshot_tables = output.split()
        return self._snapshot_tables

    # Helpers.

    def _php_settings(self) -> list[str]:
        settings = {
            "upload_max_filesize": UPLOAD_MAX_FILESIZE,
            "post_max_size": POST_MAX_SIZE,
            "memory_limit": PHP_MEMORY_LIMIT,
            # PHP errors in a response body would break its JSON, so they go
            # to a log file only.
            "display_errors": "0",
            "log_errors": "1",
            "error_log": str(self.logs_dir / "php-errors.log"),
        }
        return [f"-d{name}={value}" for name, value in settings.items()]

    def _run_sql(self, statements: str, *, database: str | None = None) -> str:
        command = [
            "mariadb",
            "--no-defaults",
            f"--socket={self.socket_path}",
            "--user=root",
            "--batch",
            "--skip-column-names",
        ]
        if database:
            command.append(f"--database={database}")
        completed = subprocess.run(
            command, input=statements, capture_output=True, text=True, check=False
        )
        if completed.returncode != 0:
            raise WordPressServerError(
                f"SQL on {self.socket_path} failed: {completed.stderr.strip()}"
            )
        return completed.stdout

    @staticmethod
    def _run_logged(command: list[str], log_path: Path) -> None:
        with open(log_path, "ab") as log_file:
            completed = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        if completed.returncode != 0:
            raise WordPressServerError(
                f"`{command[0]}` failed with exit status {completed.returncode}. "
                f"The end of {log_path}:\n{_tail(log_path)}"
            )

    def _reap(self, records: Iterable[ProcessRecord]) -> None:
        for record in records:
            child = self._children.pop(record.pid, None)
            if child is not None:
                child.wait(timeout=STOP_TIMEOUT)

    def _check_socket_path(self) -> None:
        length = len(os.fsencode(self.socket_path))
        if length > MAX_SOCKET_PATH_BYTES:
            raise WordPressServerError(
                f"The database socket path {self.socket_path} is {length} bytes long, "
                f"more than the maximum of {MAX_SOCKET_PATH_BYTES}: "
                "use a shorter directory."
            )

    def _check_site_responds(self) -> None:
        url = f"{self.info.base_url}/wp-json/tinxa/v1/info"
        try:
            answer = _http_get_json(url)
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise WordPressServerError(
                f"GET {url} failed: {error}. The end of the PHP error log:\n"
                f"{_tail(self.logs_dir / 'php-errors.log')}"
            ) from error
        if not isinstance(answer, dict) or answer.get("plugin") != "tinxa-companion":
            raise WordPressServerError(
                f"GET {url} returned {answer!r}: the companion plugin is not active."
            )

    def _save_info(self) -> None:
        # info.json contains passwords, so only the owner may read it.
        descriptor = os.open(
            self.info_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600
        )
        with open(descriptor, "w", encoding="utf-8") as info_file:
            info_file.write(self.info.to_json() + "\n")

    def _save_process_records(self) -> None:
        if not self.directory.exists():
            return
        records = {
            "database": [asdict(record) for record in self._database],
            "http": [asdict(record) for record in self._http],
        }
        self.processes_path.write_text(json.dumps(records, indent=2) + "\n")

    def _load_process_records(self) -> None:
        try:
            records = json.loads(self.processes_path.read_text())
        except FileNotFoundError:
            return
        self._database = [ProcessRecord(**fields) for fields in records["database"]]
        self._http = [ProcessRecord(**fields) for fields in records["http"]]


def _user_name() -> str:
    return pwd.getpwuid(os.geteuid()).pw_name


def _find_program(name: str) -> str:
    # Debian installs mariadbd in /usr/sbin, which is not on every user's PATH.
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin")
    if path is None:
        raise WordPressServerError(
            f"{name} was not found: run `{INSTALL_COMMAND}` as root."
        )
    return path


# --- Command line ---------------------------------------------------------------


def _describe(info: WordPressInfo, directory: Path) -> str:
    admin = info.admin
    lines = [
        f"WordPress is running at {info.base_url}/",
        f"Admin pages: {info.admin_url} (user name {admin.username}, "
        f"password {admin.password})",
        "",
        "Accounts for TinXa (user name and Application Password):",
    ]
    for account in info.accounts.values():
        lines.append(
            f"  {account.role:<14} {account.username:<12} "
            f"{account.application_password}   {account.display_name}"
        )
    lines += [
        "",
        f"Categories: {', '.join(info.categories)}",
        f"Details in {directory / 'info.json'}",
        f"Stop it with: {sys.executable} -m tests.wpserver stop --dir {directory}",
    ]
    return "\n".join(lines)


def _parse_arguments(arguments: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.wpserver",
        description="Install, start, reset and stop a throwaway WordPress for TinXa.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "install", help="install the Debian packages the server needs (run as root)"
    )

    start = commands.add_parser(
        "start",
        help="start a server in the background, installing it first if DIR is empty",
    )
    start.add_argument(
        "--dir", required=True, type=Path, help="directory for all its files"
    )
    start.add_argument(
        "--port",
        type=int,
        help="TCP port on 127.0.0.1 (default: the port it had before, or a free one)",
    )

    for name, text in (
        ("reset", "delete all posts, media, tags and extra categories and users"),
        ("stop", "stop the server that was started from DIR"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument(
            "--dir", required=True, type=Path, help="the server's directory"
        )
    return parser.parse_args(arguments)


def main(arguments: list[str] | None = None) -> int:
    options = _parse_arguments(arguments)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        if options.command == "install":
            install_debian_packages()
        elif options.command == "start":
            server = WordPressServer(options.dir, options.port, detached=True)
            info = server.start()
            print(_describe(info, server.directory))
        elif options.command == "reset":
            WordPressServer(options.dir).reset()
        elif options.command == "stop":
            WordPressServer(options.dir).stop()
    except WordPressServerError as error:
        log.error("%s", error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
