-- OFREP bulk evaluation for a spread of fincas (each request a different finca id)
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"context":{"targetingKey":"finca-%d","nivel_despliegue":"produccion_abierta","app_version":"1.2.0"}}', counter % 5000)
  return wrk.format("POST", "/ofrep/v1/evaluate/flags", {["Content-Type"] = "application/json"}, body)
end
