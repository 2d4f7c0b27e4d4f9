# The Hostfit command line as a container image, for batch engines: Kubernetes Indexed Jobs
# (deploy/kubernetes/indexed-job.yaml), Slurm with Apptainer or Podman (deploy/slurm/array.sbatch), AWS Batch.
#
#   docker build -t hostfit:0.1.0 .
#   docker run --rm -v "$PWD:/work" hostfit:0.1.0 batch /work/sweep.hostfit-batch.json --shard 1/4 --out /work/r1.jsonl
#
# The build stage installs and builds exactly as CI does (.ci/run: `npm ci`, whose `prepare` compiles the WASM
# kernel and bundles the command line, scripts/build-cli.mjs); test/unit/deploy/dockerfile.test.ts checks that
# the commands stay the same. The run stage holds Node and out/cli only (the ESM entry, its chunks and its WASM): no package
# manager runs there, nothing is fetched at run time, and it runs as the unprivileged `node` user.
FROM node:22-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund

FROM node:22-slim
ENV NODE_ENV=production
COPY --from=build /src/out/cli /opt/hostfit
USER node
WORKDIR /work
ENTRYPOINT ["node", "/opt/hostfit/hostfit.mjs"]
CMD ["--help"]
