-- Unleash's frontend API for the same spread of fincas and the same context as ofrep-bulk.lua:
-- userId is the finca id (the rollouts' stickiness), the other two keys arrive as properties.
-- TOKEN (a frontend API token) comes from the environment.
local token = os.getenv("TOKEN")
local counter = 0
request = function()
  counter = counter + 1
  local path = string.format("/api/frontend?userId=finca-%d&nivel_despliegue=produccion_abierta&app_version=1.2.0", counter % 5000)
  return wrk.format("GET", path, {["Authorization"] = token})
end
