"""`make run`: the development server and a task worker side by side; Ctrl-C stops both.

Both use the database task queue, so what a request queues after commit (e-mails) is sent by the
worker within a second or two and shows on this console (console e-mail backend)."""

import os
import signal
import subprocess
import sys
import time

if __name__ == "__main__":
    address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:8000"
    env = {**os.environ, "TASKS_BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}
    manage = [sys.executable, "manage.py"]
    processes = [
        subprocess.Popen([*manage, "db_worker", "--interval", "1", "--no-startup-delay"], env=env),  # noqa: S603 - our own manage.py
        subprocess.Popen([*manage, "runserver", address], env=env),  # noqa: S603 - our own manage.py
    ]
    try:
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    failed = [process.returncode for process in processes if process.returncode and process.returncode > 0]
    sys.exit(failed[0] if failed else 0)
