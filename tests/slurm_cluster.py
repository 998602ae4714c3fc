"""A real one-node Slurm cluster for the tests: munge, optionally MariaDB + slurmdbd for
accounting, slurmctld and slurmd, stopped by the PIDs in their pid files.

The configuration goes to /etc/slurm, Slurm's default place: `srun` inside a job (which the
executor uses) finds no other, whatever SLURM_CONF said at submission. State, logs and pid
files live in the test's own directory; `stop()` removes the configuration again.

Needs root and Debian's packages (slurmctld slurmd slurm-client munge, and slurmdbd
mariadb-server for accounting); `missing_reason()` says why a machine cannot run it.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

PACKAGES = ["slurmctld", "slurmd", "slurm-client", "munge", "slurmdbd", "mariadb-server"]
COMMANDS = ["slurmctld", "slurmd", "munged", "sbatch", "slurmdbd", "mariadbd", "sacctmgr"]
CLUSTER = "clustering"
ACCOUNT = "digits"
PARTITION = "test"
DATABASE_PASSWORD = "slurm-test"
MUNGE_PID_FILE = Path("/run/munge/munged.pid")
CONFIG_DIRECTORY = Path("/etc/slurm")


def missing_reason() -> str | None:
    """Why a Slurm cluster cannot be started here, or None when it can (installing the
    Debian packages first when apt-get is there)."""
    if os.geteuid() != 0:
        return "the Slurm test starts daemons as root; run it as root"
    if all(shutil.which(command) for command in COMMANDS):
        return None
    if shutil.which("apt-get") is None:
        return "Slurm is not installed and apt-get is not available to install it"
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *PACKAGES]
    result = subprocess.run(install, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, env=environment)
        result = subprocess.run(install, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        return f"apt-get could not install Slurm: {result.stderr[-500:]}"
    return None


class SlurmCluster:
    def __init__(self, directory: Path, accounting: bool):
        self.directory = directory
        self.accounting = accounting
        self.host = socket.gethostname().split(".")[0]
        self.environment = dict(os.environ)
        self.database: subprocess.Popen | None = None

    # -- configuration -----------------------------------------------------------------------
    def _memory_mb(self) -> int:
        found = subprocess.run(["slurmd", "-C"], capture_output=True, text=True, check=True)
        real = int(found.stdout.split("RealMemory=")[1].split()[0])
        return real - 512

    def _write_configs(self) -> None:
        d = self.directory
        for name in ("state", "spool"):
            (d / name).mkdir(parents=True, exist_ok=True)
        lines = [
            f"ClusterName={CLUSTER}",
            f"SlurmctldHost={self.host}",
            "SlurmUser=root",
            "AuthType=auth/munge",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/affinity",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core_Memory",
            "ReturnToService=2",
            "MpiDefault=none",
            f"StateSaveLocation={d / 'state'}",
            f"SlurmdSpoolDir={d / 'spool'}",
            f"SlurmctldPidFile={d / 'slurmctld.pid'}",
            f"SlurmdPidFile={d / 'slurmd.pid'}",
            f"SlurmctldLogFile={d / 'slurmctld.log'}",
            f"SlurmdLogFile={d / 'slurmd.log'}",
            "SlurmctldDebug=debug",
            f"NodeName={self.host} CPUs=2 RealMemory={self._memory_mb()} State=UNKNOWN",
            f"PartitionName={PARTITION} Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
        ]
        if self.accounting:
            lines += [
                "AccountingStorageType=accounting_storage/slurmdbd",
                f"AccountingStorageHost={self.host}",
                "JobAcctGatherType=jobacct_gather/linux",
                # kill a job that outgrows its --mem, as production clusters do (cgroups)
                "JobAcctGatherFrequency=1",
                "JobAcctGatherParams=OverMemoryKill",
            ]
            dbd = CONFIG_DIRECTORY / "slurmdbd.conf"
            dbd.write_text(
                "\n".join(
                    [
                        "AuthType=auth/munge",
                        f"DbdHost={self.host}",
                        "SlurmUser=root",
                        "StorageType=accounting_storage/mysql",
                        "StorageHost=localhost",
                        f"StorageLoc={CLUSTER}_acct",
                        "StorageUser=slurm",
                        f"StoragePass={DATABASE_PASSWORD}",
                        f"PidFile={d / 'slurmdbd.pid'}",
                        f"LogFile={d / 'slurmdbd.log'}",
                    ]
                )
                + "\n"
            )
            dbd.chmod(0o600)
        (CONFIG_DIRECTORY / "slurm.conf").write_text("\n".join(lines) + "\n")

    # -- daemons -----------------------------------------------------------------------------
    def _run(self, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(command, env=self.environment, capture_output=True, text=True)

    def _start_munge(self) -> None:
        Path("/run/munge").mkdir(exist_ok=True)
        shutil.chown("/run/munge", "munge", "munge")
        subprocess.run(["runuser", "-u", "munge", "--", "munged", "--force"], check=True)

    def _start_database(self) -> None:
        Path("/run/mysqld").mkdir(exist_ok=True)
        shutil.chown("/run/mysqld", "mysql", "mysql")
        self.database = subprocess.Popen(
            ["mariadbd", "--user=mysql", "--skip-networking=0", "--bind-address=127.0.0.1"],
            stdout=subprocess.DEVNULL,
            stderr=open(self.directory / "mariadb.log", "w"),  # noqa: SIM115
        )
        self._wait(lambda: self._run("mariadb", "-e", "select 1").returncode == 0, "MariaDB")
        statements = (
            f"CREATE DATABASE IF NOT EXISTS {CLUSTER}_acct;"
            f"CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY '{DATABASE_PASSWORD}';"
            f"GRANT ALL ON {CLUSTER}_acct.* TO 'slurm'@'localhost';"
        )
        subprocess.run(["mariadb", "-e", statements], check=True)

    def start(self) -> None:
        running = subprocess.run(["pgrep", "-x", "slurmctld"], capture_output=True, text=True)
        if running.stdout.strip():
            raise RuntimeError(
                f"a slurmctld is already running (PID {running.stdout.split()[0]}); a test "
                "cluster needs the node to itself"
            )
        self._write_configs()
        self._start_munge()
        if self.accounting:
            self._start_database()
            subprocess.run(["slurmdbd"], env=self.environment, check=True)
            self._wait(
                lambda: self._run("sacctmgr", "-n", "list", "cluster").returncode == 0, "slurmdbd"
            )
            for entity in (
                ["cluster", CLUSTER],
                ["account", ACCOUNT, f"cluster={CLUSTER}"],
                ["user", "root", f"account={ACCOUNT}", f"cluster={CLUSTER}"],
            ):
                self._run("sacctmgr", "-i", "add", *entity)
        subprocess.run(["slurmctld"], env=self.environment, check=True)
        subprocess.run(["slurmd"], env=self.environment, check=True)
        self._wait(self._node_is_idle, "the Slurm node")

    def _node_is_idle(self) -> bool:
        state = self._run("sinfo", "-h", "-o", "%T").stdout.strip()
        return state.startswith("idle")

    def _wait(self, ready, what: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not ready():
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"{what} did not come up within {seconds} s; see {self.directory}"
                )
            time.sleep(0.5)

    def stop(self) -> list[str]:
        """Stop every daemon by the PID in its pid file; returns the daemons still alive."""
        pid_files = {name: self.directory / f"{name}.pid" for name in ("slurmd", "slurmctld")}
        pid_files["slurmdbd"] = self.directory / "slurmdbd.pid"
        pid_files["munged"] = MUNGE_PID_FILE
        alive = []
        for name, pid_file in pid_files.items():
            if not pid_file.exists():
                continue
            pid = int(pid_file.read_text().split()[0])
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            if not _wait_for_exit(pid):
                os.kill(pid, signal.SIGKILL)
                if not _wait_for_exit(pid):
                    alive.append(name)
        if self.database is not None:
            self.database.terminate()
            self.database.wait(timeout=30)
        for name in ("slurm.conf", "slurmdbd.conf"):
            (CONFIG_DIRECTORY / name).unlink(missing_ok=True)
        return alive

    def submitted_jobs(self) -> list[str]:
        """The job names slurmctld accepted, from its log (accounting or not)."""
        log = (self.directory / "slurmctld.log").read_text(errors="replace")
        return [line for line in log.splitlines() if "_slurm_rpc_submit_batch_job" in line]


def _wait_for_exit(pid: int, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False
