/** A problem in one line, announced as it appears; nothing when there is none. */
export function ProblemLine({ problem }: { problem: string | null }) {
  return problem ? (
    <p className="problem" role="alert">
      {problem}
    </p>
  ) : null;
}
