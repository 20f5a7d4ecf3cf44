"""Runs a Python program under Pulumi's Python mocks, with the generated SDK importable, and
prints the resources it registers (type, name, inputs as sent to the engine) as one JSON list.

Usage: python run_sample.py <program file>
"""
import json
import runpy
import sys

import pulumi
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await


registered = []


class Recorder(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        registered.append({"type": args.typ, "name": args.name, "inputs": args.inputs})
        return [args.name + "_id", args.inputs]

    def call(self, args: pulumi.runtime.MockCallArgs):
        return {}


pulumi.runtime.set_mocks(Recorder(), project="shop", stack="check", preview=False)
# As @pulumi.runtime.test runs a test: the program, then every registration it started.
_sync_await(run_pulumi_func(lambda: runpy.run_path(sys.argv[1], run_name="__main__")))
print(json.dumps(registered, default=str))
