"""Two `flask --app backend reminders` processes at once (cron on two servers) against the same
database: every reminder still goes out once per device and once per person."""
import datetime as dt
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from backend.extensions import db
from backend.notices.models import Notice
from backend.reminders.models import ReminderSent
from tests.reminders.helpers import add_device, add_meeting, amsterdam

ROOT = Path(__file__).resolve().parents[2]


def start_reminders(app, database_uri, vapid_keys, push_service, tmp_path, now: dt.datetime):
    env = {**os.environ, "DATABASE_URL": database_uri, "VAPID_PRIVATE_KEY": vapid_keys.private_key,
           "VAPID_PUBLIC_KEY": vapid_keys.public_key, "PUSH_ALLOWED_HOSTS": push_service.host,
           "SECRET_KEY": "test", "MAATJE_INSTANCE": str(tmp_path)}
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "backend", "reminders", "--now", now.isoformat()],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_at_once_send_every_reminder_once(app, database_uri, vapid_keys, push_service, make_user,
                                                        make_match, tmp_path, ctx):
    devices = {}
    meetings = []
    for i in range(4):
        newcomer = make_user("newcomer", name=f"Nieuwkomer {i}")
        buddy = make_user("buddy", name=f"Maatje {i}")
        match = make_match(newcomer, buddy)
        for user in (newcomer, buddy, newcomer):
            device = push_service.device()
            add_device(user, device)
            devices[device.endpoint] = device
        meetings += [add_meeting(match, amsterdam(f"2027-10-31T{10 + j}:00")) for j in range(3)]
    first = meetings[0].starts_at
    db.session.rollback()  # hold no lock (SQLite: the write lock) while the processes run

    for now in (first - dt.timedelta(hours=20), first - dt.timedelta(minutes=30)):
        procs = [start_reminders(app, database_uri, vapid_keys, push_service, tmp_path, now) for _ in range(2)]
        outputs = [p.communicate(timeout=120) for p in procs]
        for proc, (out, err) in zip(procs, outputs):
            assert proc.returncode == 0, err
            assert out.startswith("reminders: "), out

    # 20 hours before: the "24h" reminder of all 12 meetings; half an hour before the first three,
    # their "1h" reminder (the others start at 11:00 and 12:00, more than an hour later).
    per_device = Counter()
    for device in devices.values():
        for _, payload in push_service.to(device):
            per_device[(device.endpoint, payload["url"], payload["body"])] += 1
    assert len(push_service.received) == sum(per_device.values())
    assert set(per_device.values()) == {1}
    # 3 devices per match (two of the newcomer's, one of the buddy's): 3 meetings x 3 devices
    # x 4 matches of "24h", and 1 meeting x 3 devices x 4 matches of "1h".
    assert len(push_service.received) == 36 + 12
    notices = db.session.scalars(sa.select(Notice.message).where(Notice.code == "meeting_reminder")).all()
    assert len(notices) == 2 * (12 + 4)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ReminderSent)) == 36 + 12 + 2 * (12 + 4)


def test_the_command_says_what_it_did_and_refuses_a_time_without_a_zone(app, database_uri, vapid_keys,
                                                                          push_service, tmp_path):
    proc = start_reminders(app, database_uri, vapid_keys, push_service, tmp_path, amsterdam("2027-05-12T10:00"))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.strip() == "reminders: 0 meetings, 0 notices, 0 pushes sent, 0 pushes failed"
    env = {**os.environ, "DATABASE_URL": database_uri, "SECRET_KEY": "test", "MAATJE_INSTANCE": str(tmp_path)}
    bad = subprocess.run([sys.executable, "-m", "flask", "--app", "backend", "reminders", "--now", "2027-05-12T10:00"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0 and "--now" in bad.stderr
