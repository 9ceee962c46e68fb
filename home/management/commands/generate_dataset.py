from django.core.management.base import BaseCommand, CommandError

from bench.dataset import SCALES, Options, generate


class Command(BaseCommand):
    help = (
        "Fill a throwaway database with realistic bilingual content for benchmarks: "
        "communities, meetings, practice articles and learning resources, inserted in bulk. "
        "Each run adds to what is there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")
        for kind in ("communities", "meetings", "articles", "resources"):
            parser.add_argument(
                f"--{kind}", type=int, help=f"Number of {kind} (overrides --scale; 0 skips them)."
            )
        parser.add_argument(
            "--english-share",
            type=float,
            default=0.3,
            help="Share of items that also get an English translation (0–1, default 0.3).",
        )
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, **options):
        if not 0 <= options["english_share"] <= 1:
            raise CommandError("--english-share must be between 0 and 1.")
        # An explicit count replaces the scale's count of that kind (0 skips the kind).
        counts = {
            kind: default if options[kind] is None else options[kind]
            for kind, default in SCALES[options["scale"]].items()
        }
        if any(value < 0 for value in counts.values()):
            raise CommandError("Counts cannot be negative.")
        generate(
            Options(
                **counts,
                english_share=options["english_share"],
                seed=options["seed"],
                batch_size=max(1, options["batch_size"]),
            ),
            self.stdout,
        )
        self.stdout.write(self.style.SUCCESS("Dataset is ready."))
