-- Animal registration with a unique ear tag per request; FINCA and KEY come from the environment
local finca = os.getenv("FINCA")
local key = os.getenv("KEY")
local threads = {}
local counter = 0
prefix = "T"

setup = function(thread)
  table.insert(threads, thread)
  thread:set("prefix", "T" .. #threads)
end

request = function()
  counter = counter + 1
  local body = string.format('{"earTag":"%s-%d","sex":"hembra","birthDate":"2023-01-15","weightKg":312.5}', prefix, counter)
  return wrk.format("POST", "/api/v1/fincas/" .. finca .. "/animals",
    {["Content-Type"] = "application/json", ["X-API-Key"] = key}, body)
end

response = function(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
