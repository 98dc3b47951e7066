"""borderwatch weekly pipeline and backfill for Apache Airflow 2.x.

Each task is one borderwatch command submitted with spark-submit; every command is idempotent (re-running
a week replaces that week's rows) and records its run in ops.job_runs, so a failed task is simply retried.
Backfill: trigger the DAG for past dates (``airflow dags backfill borderwatch_weekly -s 2026-01-05 -e
2026-03-02``); each run scores the ISO week after its logical date.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

JAR = "/opt/borderwatch/borderwatch-0.1.0.jar"
CONF = "/etc/borderwatch/cluster.conf"
SUBMIT = (
    "spark-submit --master yarn --deploy-mode cluster --files " + CONF +
    " --class org.borderwatch.cli.Main " + JAR + " --config cluster.conf "
)
# ISO week of the run's logical date (the week that just ended) and the week after it (the forecast)
WEEK = "{{ logical_date.strftime('%G-W%V') }}"
NEXT_WEEK = "{{ (logical_date + macros.timedelta(days=7)).strftime('%G-W%V') }}"

default_args = {
    "owner": "borderwatch",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
}

with DAG(
    dag_id="borderwatch_weekly",
    description="Ingest, resolve, victims, networks, features, train, score next week, deployment and report",
    schedule="0 7 * * 1",
    start_date=datetime(2026, 1, 5),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["borderwatch"],
) as dag:
    ingest = BashOperator(task_id="ingest", bash_command=SUBMIT + "ingest")
    resolve = BashOperator(task_id="resolve", bash_command=SUBMIT + "resolve")
    features = BashOperator(task_id="features", bash_command=SUBMIT + "features")
    train = BashOperator(task_id="train", bash_command=SUBMIT + "train")
    score = BashOperator(task_id="score", bash_command=SUBMIT + "score --week " + NEXT_WEEK)
    # victims before networks: the networks stage keeps every alerted person out of its rankings
    victims = BashOperator(task_id="victims", bash_command=SUBMIT + "victims --week " + WEEK)
    networks = BashOperator(task_id="networks", bash_command=SUBMIT + "networks --week " + WEEK)
    # allocates the patrol units, then writes <lakehouse>/reports/<week>/report.html and report.pdf
    report = BashOperator(task_id="report", bash_command=SUBMIT + "report --week " + NEXT_WEEK)
    ingest >> resolve >> features >> train >> score
    resolve >> victims >> networks
    [score, networks] >> report
